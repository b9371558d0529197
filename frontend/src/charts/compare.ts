/**
 * The small chart of Confronta: for one indicator, a bar per territory chosen (in the order chosen),
 * coloured by its comparison with its own benchmark, with its 95% interval as a line; territories without
 * a value are listed with "nessun dato" instead of a bar. The benchmark values are drawn as dashed ticks.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareEntry, Lang } from '../api/types';
import { formatValue, localized, translate } from '../i18n';
import { wrapName } from './bar';
import { chartConfig, MUTED_TEXT_COLOUR, TEXT_COLOUR } from './config';
import { SIGNIFICANCE } from './spine';

export interface CompareBar {
  label: string;
  code: string;
  name: string;
  value: number | null;
  low: number | null;
  high: number | null;
  benchmark: number | null;
  colour: string;
  valueLabel: string;
  comparisonLabel: string;
  spoken: string;
}

export function compareBars(entry: CompareEntry, names: ReadonlyMap<string, string>, order: readonly string[], lang: Lang): CompareBar[] {
  const { decimals } = entry.indicator;
  return order.map((code) => {
    const row = entry.values.find((v) => v.code === code);
    const name = row?.name ?? names.get(code) ?? code;
    const value = row && row.value !== null && Number.isFinite(row.value) ? row.value : null;
    const bench = row?.benchmarkCode ? (entry.benchmarks.find((b) => b.code === row.benchmarkCode)?.value ?? null) : null;
    const comparison = value === null ? 'not_compared' : row!.comparison;
    const valueLabel = row?.suppressed ? translate(lang, 'suppressedValue') : formatValue(value, decimals, lang);
    const comparisonLabel = value === null ? '' : translate(lang, SIGNIFICANCE[comparison].label);
    return {
      label: wrapName(name).join('\n'),
      code,
      name,
      value,
      low: value === null ? null : (row!.ci95?.lower ?? null),
      high: value === null ? null : (row!.ci95?.upper ?? null),
      benchmark: bench,
      colour: SIGNIFICANCE[comparison].colour,
      valueLabel,
      comparisonLabel,
      spoken: `${name}: ${valueLabel}${comparisonLabel ? `, ${comparisonLabel}` : ''}`,
    };
  });
}

export function buildCompareSpec({ bars, entry, lang, width = 400 }: { bars: readonly CompareBar[]; entry: CompareEntry; lang: Lang; width?: number | 'container' }): TopLevelSpec {
  const unit = localized(entry.indicator.unit, lang);
  const extent = [0, ...bars.flatMap((b) => [b.value, b.high, b.benchmark].filter((v): v is number => v !== null))];
  const x = { type: 'quantitative' as const, scale: { domain: [Math.min(...extent), Math.max(...extent)], nice: true, zero: true } };
  const y = { field: 'label', type: 'nominal' as const, sort: null, scale: { domain: bars.map((b) => b.label) }, axis: { title: null, labelLimit: 0, labelExpr: "split(datum.label, '\\n')", minExtent: 120, maxExtent: 160 } };
  const tooltip = [
    { field: 'name', type: 'nominal' as const, title: translate(lang, 'name') },
    { field: 'valueLabel', type: 'nominal' as const, title: unit },
    { field: 'comparisonLabel', type: 'nominal' as const, title: translate(lang, 'significance') },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: localized(entry.indicator.name, lang),
    width,
    height: { step: bars.some((b) => b.label.includes('\n')) ? 34 : 26 },
    config: chartConfig(lang),
    data: { values: [...bars] },
    layer: [
      {
        name: 'bars',
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'bar', stroke: TEXT_COLOUR, strokeWidth: 0.5 },
        encoding: { y, x: { ...x, field: 'value', axis: { title: unit, orient: 'top', grid: true } }, color: { field: 'colour', type: 'nominal', scale: null }, description: { field: 'spoken', type: 'nominal' }, tooltip },
      },
      { transform: [{ filter: 'datum.low !== null' }], mark: { type: 'rule', color: TEXT_COLOUR, strokeWidth: 1.5, aria: false }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' } } },
      { transform: [{ filter: 'datum.benchmark !== null' }], mark: { type: 'tick', color: TEXT_COLOUR, thickness: 2, strokeDash: [3, 2], aria: false }, encoding: { y, x: { ...x, field: 'benchmark' } } },
      {
        transform: [{ filter: 'datum.value === null' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', color: MUTED_TEXT_COLOUR, fontStyle: 'italic', aria: false },
        encoding: { y, x: { ...x, datum: 0 }, text: { field: 'valueLabel' } },
      },
    ],
  };
}
