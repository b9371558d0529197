import type { Lang } from './api/types';
import { LanguageProvider } from './LanguageContext';
import { Dashboard } from './pages/Dashboard';

export function App({ lang }: { lang?: Lang }) {
  return (
    <LanguageProvider initial={lang}>
      <Dashboard />
    </LanguageProvider>
  );
}
