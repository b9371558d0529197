import type { Provenance, Source } from '../api/types';
import { loadedOn, titleSuffix } from '../data/sourceLine';
import { useI18n } from '../LanguageContext';

/**
 * "Fonte: ISTAT, POSAS 2024, caricato il 01/12/2026 — Licenza CC BY 4.0", one line per source, synthetic
 * ones marked. With the provenance of the values shown, each line names the years of the files read and
 * the day they were loaded; without it (still loading, or unavailable), the sources alone.
 */
export function Attribution({ sources, label, provenance }: { sources: readonly Source[]; label?: string; provenance?: Provenance | null }) {
  const { lang, t } = useI18n();
  const lines: readonly Source[] = provenance ? provenance.sources : sources;
  if (lines.length === 0) return null;
  return (
    <ul className="attribution" data-testid="attribution">
      {lines.map((source) => {
        const lineage = provenance?.sources.find((s) => s.id === source.id);
        const suffix = provenance && lineage ? titleSuffix(lineage, provenance, lang) : '';
        return (
          <li key={source.id}>
            {label ?? t('source')}: {source.publisher}, {source.url ? <a href={source.url}>{source.title}</a> : source.title}
            {suffix}
            {provenance && `, ${loadedOn(provenance, lang)}`} — {t('licence')} {source.licence}
            {source.synthetic && <strong className="synthetic-mark"> ({t('syntheticSource')})</strong>}
          </li>
        );
      })}
    </ul>
  );
}
