import type { Source } from '../api/types';
import { useI18n } from '../LanguageContext';

/** "Fonte: ISTAT, title — Licenza CC BY 4.0", one line per source, synthetic ones marked. */
export function Attribution({ sources, label }: { sources: readonly Source[]; label?: string }) {
  const { t } = useI18n();
  if (sources.length === 0) return null;
  return (
    <ul className="attribution" data-testid="attribution">
      {sources.map((source) => (
        <li key={source.id}>
          {label ?? t('source')}: {source.publisher},{' '}
          {source.url ? <a href={source.url}>{source.title}</a> : source.title} — {t('licence')} {source.licence}
          {source.synthetic && <strong className="synthetic-mark"> ({t('syntheticSource')})</strong>}
        </li>
      ))}
    </ul>
  );
}
