import type { SnapshotInfo } from '../api/types';
import { formatDate, LANGS, translate } from '../i18n';
import { useI18n } from '../LanguageContext';

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
          aria-label={translate(option, 'languageName')}
          onClick={() => setLang(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function Header({ snapshot }: { snapshot: SnapshotInfo | null }) {
  const { lang, t } = useI18n();
  return (
    <header className="page-header">
      <div>
        <h1>{t('appTitle')}</h1>
        {snapshot && (
          <p className="snapshot" data-testid="snapshot-info">
            {t('snapshot', {
              id: snapshot.id,
              created: formatDate(snapshot.createdAt, lang),
              reference: formatDate(snapshot.referenceDate, lang),
            })}{' '}
            · {t('modeLabel')}:{' '}
            <span className={`mode mode-${snapshot.mode}`}>{snapshot.mode === 'demo' ? t('modeDemo') : t('modeReal')}</span>
          </p>
        )}
      </div>
      <LanguageSwitch />
    </header>
  );
}
