import type { Lang } from './api/types';
import { LanguageProvider } from './LanguageContext';
import { Dashboard } from './pages/Dashboard';
import { QualityPage } from './pages/QualityPage';
import { UrlStateProvider, useRoute } from './route';

function Pages() {
  return useRoute() === 'quality' ? <QualityPage /> : <Dashboard />;
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
