import type { SnapshotInfo } from '../api/types';
import { formatDate, LANGS, translate, type MessageKey } from '../i18n';
import { useI18n } from '../LanguageContext';
import { formatHash, useUrlState, type Route } from '../route';

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          // The visible code stays part of the name (WCAG 2.5.3), the language's name says what it is.
          aria-label={`${option.toUpperCase()} — ${translate(option, 'languageName')}`}
          onClick={() => setLang(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

function Sections({ route }: { route: Route }) {
  const { t } = useI18n();
  // Moving between pages keeps the territory and the language.
  const { state } = useUrlState();
  const link = (target: Route, label: MessageKey) => (
    <li>
      <a href={formatHash({ page: target, territory: state.territory, lang: state.lang })} aria-current={route === target ? 'page' : undefined}>
        {t(label)}
      </a>
    </li>
  );
  return (
    <nav className="sections" aria-label={t('navLabel')}>
      <ul>
        {link('overview', 'navOverview')}
        {link('indicators', 'navIndicators')}
        {link('profile', 'navProfile')}
        {link('compare', 'navCompare')}
        {link('area', 'navArea')}
        {link('needs', 'navNeeds')}
        {link('quality', 'navQuality')}
      </ul>
    </nav>
  );
}

export function Header({ snapshot, route }: { snapshot: SnapshotInfo | null; route: Route }) {
  const { lang, t } = useI18n();
  return (
    <header className="page-header">
      <div>
        <h1>{t('appTitle')}</h1>
        {snapshot && (
          <p className="snapshot" data-testid="snapshot-info">
            {t('snapshot', { created: formatDate(snapshot.createdAt, lang), reference: formatDate(snapshot.referenceDate, lang) })}
            {snapshot.mode === 'demo' && (
              <>
                {' '}
                · <span className="mode mode-demo">{t('modeDemo')}</span>
              </>
            )}
          </p>
        )}
        <Sections route={route} />
      </div>
      <LanguageSwitch />
    </header>
  );
}
