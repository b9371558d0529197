import type { Lang, Provenance, ProvenanceSource, Source } from '../api/types';
import { formatShortDate, translate } from '../i18n';

/**
 * What follows a source's title in its attribution line: the years of the files read (" 2024"), or,
 * for files that give no year, the dates the values refer to (", dati al 01/01/2018").
 */
export function titleSuffix(source: ProvenanceSource, provenance: Provenance, lang: Lang): string {
  const fileYears = [...new Set(source.files.flatMap((f) => (f.year === null ? [] : [f.year])))].sort((a, b) => a - b);
  if (fileYears.length > 0) return ` ${fileYears.join(', ')}`;
  const dates = [
    ...new Set(provenance.terms.flatMap((term) => term.contributions.filter((c) => c.sourceId === source.id).map((c) => c.referenceDate))),
  ].sort();
  return dates.length === 0 ? '' : `, ${translate(lang, 'dataAsOf', { date: dates.map((d) => formatShortDate(d, lang)).join(', ') })}`;
}

/** "caricato il 01/12/2026": the day the load that read the files ran. */
export function loadedOn(provenance: Provenance, lang: Lang): string {
  return translate(lang, 'loadedOn', { date: formatShortDate(provenance.loadRun.startedAt, lang) });
}

/**
 * "Fonte: ISTAT, MEF" under an exported chart or at the head of its CSV, marked "dati sintetici
 * dimostrativi" when any value shown is generated, so that a copy never passes for real data.
 */
export function sourceLine(sources: readonly Source[], lang: Lang, synthetic = false): string {
  const line = translate(lang, 'exportSource', { sources: [...new Set(sources.map((s) => s.publisher))].join(', ') || '—' });
  return synthetic || sources.some((s) => s.synthetic) ? `${line} — ${translate(lang, 'syntheticSource')}` : line;
}
