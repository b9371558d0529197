/**
 * What a chart of one indicator's values exports (the map and the ranking): the values as the API gives
 * them, one row per territory, and the title block naming the indicator, the place, the year and the
 * sources.
 */
import type { IndicatorValues, Lang, Source } from '../api/types';
import { sourceLine } from '../data/sourceLine';
import { localized, translate } from '../i18n';
import type { CsvTable, ExportMeta } from './ChartExport';

/** Some value shown is generated: the snapshot, a source or a row says so. */
export function valuesSynthetic(values: IndicatorValues): boolean {
  return values.synthetic || values.sources.some((source) => source.synthetic) || values.rows.some((row) => row.synthetic);
}

export function valuesCsv(values: IndicatorValues, lang: Lang): CsvTable {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  return {
    columns: [t('code'), t('name'), t('yearShort'), t('value'), t('numerator'), t('denominator'), 'ci95_lower', 'ci95_upper', t('unitShort'), 'small_number', 'suppressed'],
    rows: values.rows.map((row) => [
      row.code,
      row.name,
      row.year,
      row.value,
      row.numerator,
      row.denominator,
      row.ci95?.lower ?? null,
      row.ci95?.upper ?? null,
      localized(values.indicator.unit, lang),
      row.smallNumber,
      row.suppressed,
    ]),
  };
}

/** `kind` names the file ("mappa", "graduatoria"); `place` is the territory the values are inside. */
export function valuesMeta(values: IndicatorValues, { kind, place, title, sources = values.sources }: { kind: string; place: string; title?: string; sources?: readonly Source[] }, lang: Lang): ExportMeta {
  const { indicator } = values;
  return {
    title: title ?? `${localized(indicator.name, lang)} (${localized(indicator.unit, lang)})`,
    subtitle: `${place} · ${values.year}`,
    source: sourceLine(sources, lang, valuesSynthetic(values)),
    fileName: [kind, indicator.code, values.parent, values.year].join('-'),
  };
}
