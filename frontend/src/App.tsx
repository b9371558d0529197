import type { Lang } from './api/types';
import { LanguageProvider } from './LanguageContext';
import { AreaPage } from './pages/AreaPage';
import { ComparePage } from './pages/ComparePage';
import { Dashboard } from './pages/Dashboard';
import { NeedsSupplyPage } from './pages/NeedsSupplyPage';
import { OverviewPage } from './pages/OverviewPage';
import { ProfilePage } from './pages/ProfilePage';
import { QualityPage } from './pages/QualityPage';
import { UrlStateProvider, useRoute } from './route';

function Pages() {
  const route = useRoute();
  if (route === 'quality') return <QualityPage />;
  if (route === 'profile') return <ProfilePage />;
  if (route === 'compare') return <ComparePage />;
  if (route === 'indicators') return <Dashboard />;
  if (route === 'area') return <AreaPage />;
  if (route === 'needs') return <NeedsSupplyPage />;
  return <OverviewPage />;
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
