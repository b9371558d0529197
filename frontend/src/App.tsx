import type { Lang } from './api/types';
import { LanguageProvider } from './LanguageContext';
import { AreaPage } from './pages/AreaPage';
import { Dashboard } from './pages/Dashboard';
import { NeedsSupplyPage } from './pages/NeedsSupplyPage';
import { OverviewPage } from './pages/OverviewPage';
import { QualityPage } from './pages/QualityPage';
import { UrlStateProvider, useRoute } from './route';

function Pages() {
  const route = useRoute();
  if (route === 'overview') return <OverviewPage />;
  if (route === 'area') return <AreaPage />;
  if (route === 'needs') return <NeedsSupplyPage />;
  return route === 'quality' ? <QualityPage /> : <Dashboard />;
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
