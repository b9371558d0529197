import type { Lang } from './api/types';
import { LanguageProvider } from './LanguageContext';
import { ComparePage } from './pages/ComparePage';
import { Dashboard } from './pages/Dashboard';
import { ProfilePage } from './pages/ProfilePage';
import { QualityPage } from './pages/QualityPage';
import { UrlStateProvider, useRoute } from './route';

function Pages() {
  const route = useRoute();
  if (route === 'quality') return <QualityPage />;
  if (route === 'profile') return <ProfilePage />;
  if (route === 'compare') return <ComparePage />;
  return <Dashboard />;
}

export function App({ lang }: { lang?: Lang }) {
  return (
    <UrlStateProvider>
      <LanguageProvider initial={lang}>
        <Pages />
      </LanguageProvider>
    </UrlStateProvider>
  );
}
