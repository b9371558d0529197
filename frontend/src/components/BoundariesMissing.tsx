import { useI18n } from '../LanguageContext';
import { CodeText } from './CodeText';

const ISTAT_URL = 'https://www.istat.it/notizia/confini-delle-unita-amministrative-a-fini-statistici-al-1-gennaio-2018-2/';
const OPENPOLIS_URL = 'https://github.com/openpolis/geojson-italy';

export function BoundariesMissing({ downloadUrl }: { downloadUrl: string | null }) {
  const { t } = useI18n();
  return (
    <div className="notice" role="note" data-testid="boundaries-missing">
      <h3>{t('boundariesMissingTitle')}</h3>
      <p>{t('boundariesMissingText')}</p>
      <p>{t('boundariesDownload')}</p>
      <ul>
        <li>
          <a href={ISTAT_URL}>{t('boundariesIstat')}</a>
        </li>
        <li>
          <a href={OPENPOLIS_URL}>{t('boundariesOpenpolis')}</a>
        </li>
        {downloadUrl && downloadUrl !== ISTAT_URL && downloadUrl !== OPENPOLIS_URL && (
          <li>
            {t('boundariesServerHint')} <a href={downloadUrl}>{downloadUrl}</a>
          </li>
        )}
      </ul>
      <p>
        <CodeText text={t('boundariesHowTo')} />
      </p>
    </div>
  );
}
