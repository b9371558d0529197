import { useEffect, useRef, type ReactNode } from 'react';
import type { SnapshotInfo } from '../api/types';
import { useI18n } from '../LanguageContext';
import type { Route } from '../route';
import { Header } from './Header';

/** The frame every page shares: skip link, header with the sections, main content, footer. */
export function Page({ route, snapshot, children }: { route: Route; snapshot: SnapshotInfo | null; children: ReactNode }) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After moving to another section, start reading there, as a new page load would.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route]);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); main.current?.focus(); }}>
        {t('skipToContent')}
      </a>
      <Header snapshot={snapshot} route={route} />
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
      <footer className="page-footer">
        <p>{t('footer')}</p>
        {/* Which published load this is, for whoever maintains the data; not for the main view. */}
        {snapshot && <p data-testid="data-version">{t('dataVersion', { id: snapshot.id })}</p>}
      </footer>
    </>
  );
}
