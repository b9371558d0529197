/**
 * The small chart of Confronta: for one indicator, a bar per territory chosen (in the order chosen),
 * coloured by its comparison with its own benchmark, with its 95% interval as a line; territories without
 * a value are listed with "nessun dato" instead of a bar. The benchmark values are drawn as dashed ticks.
 * A legend under the chart names the colours present, the interval and the benchmark, so that an
 * exported image reads alone. Rows are tall enough for their names' lines, which therefore never overlap.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Comparison, CompareEntry, Lang } from '../api/types';
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
  comparison: Comparison;
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
      // Drawn only where the API compares the value with it: a comune's residents against the provincia's
      // total would only squeeze the bars.
      benchmark: comparison === 'not_compared' ? null : bench,
      colour: SIGNIFICANCE[comparison].colour,
      comparison,
      valueLabel,
      comparisonLabel,
      spoken: `${name}: ${valueLabel}${comparisonLabel ? `, ${comparisonLabel}` : ''}`,
    };
  });
}

/** Pixels per line of a territory's name on the axis (12 px labels), and around them. */
export const COMPARE_LINE_HEIGHT = 15;
const ROW_PADDING = 11;
const COMPARISON_ORDER: Comparison[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'];

export function buildCompareSpec({ bars, entry, lang, width = 400 }: { bars: readonly CompareBar[]; entry: CompareEntry; lang: Lang; width?: number | 'container' }): TopLevelSpec {
  const unit = localized(entry.indicator.unit, lang);
  const extent = [0, ...bars.flatMap((b) => [b.value, b.high, b.benchmark].filter((v): v is number => v !== null))];
  const x = { type: 'quantitative' as const, scale: { domain: [Math.min(...extent), Math.max(...extent)], nice: true, zero: true } };
  const y = { field: 'label', type: 'nominal' as const, sort: null, scale: { domain: bars.map((b) => b.label) }, axis: { title: null, labelLimit: 0, labelExpr: "split(datum.label, '\\n')", minExtent: 120, maxExtent: 160 } };
  // The colours of the bars drawn, in a fixed order: the legend names only what is on the chart.
  const present = COMPARISON_ORDER.filter((c) => bars.some((b) => b.value !== null && b.comparison === c));
  const colour = {
    field: 'comparisonLabel',
    type: 'nominal' as const,
    scale: { domain: present.map((c) => translate(lang, SIGNIFICANCE[c].label)), range: present.map((c) => SIGNIFICANCE[c].colour) },
    legend: { title: translate(lang, 'significance'), orient: 'bottom' as const, direction: 'horizontal' as const, columns: 3, symbolType: 'square', symbolStrokeColor: TEXT_COLOUR, symbolStrokeWidth: 0.5 },
  };
  // The interval's line and the benchmark's dashed tick, in one legend of line styles.
  const [intervalKind, benchmarkKind] = [translate(lang, 'interval'), translate(lang, 'benchmarkShort')];
  const lineKinds = [
    ...(bars.some((b) => b.value !== null && b.low !== null) ? [{ kind: intervalKind, dash: [1, 0] }] : []),
    ...(bars.some((b) => b.benchmark !== null) ? [{ kind: benchmarkKind, dash: [3, 2] }] : []),
  ];
  const lineStyle = (kind: string) => ({
    datum: kind,
    scale: { domain: lineKinds.map((k) => k.kind), range: lineKinds.map((k) => k.dash) },
    // Vega-Lite would fill these symbols (ticks are filled marks) and leave their stroke transparent.
    legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, symbolType: 'stroke', symbolStrokeWidth: 2, encode: { symbols: { update: { stroke: { value: TEXT_COLOUR }, fill: { value: 'transparent' }, opacity: { value: 1 } } } } },
  });
  const lines = Math.max(1, ...bars.map((b) => b.label.split('\n').length));
  const tooltip = [
    { field: 'name', type: 'nominal' as const, title: translate(lang, 'name') },
    { field: 'valueLabel', type: 'nominal' as const, title: unit },
    { field: 'comparisonLabel', type: 'nominal' as const, title: translate(lang, 'significance') },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: localized(entry.indicator.name, lang),
    width,
    height: { step: lines * COMPARE_LINE_HEIGHT + ROW_PADDING },
    // The two legends one above the other, not side by side: side by side they overflow a phone. Vega's
    // legend layout, passed through by Vega-Lite, which does not type it.
    config: { ...chartConfig(lang), legend: { ...chartConfig(lang).legend, layout: { bottom: { anchor: 'start', direction: 'vertical', margin: 6 } } } as unknown as Config['legend'] },
    data: { values: [...bars] },
    layer: [
      {
        name: 'bars',
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'bar', stroke: TEXT_COLOUR, strokeWidth: 0.5 },
        encoding: { y, x: { ...x, field: 'value', axis: { title: unit, orient: 'top', grid: true } }, color: colour, description: { field: 'spoken', type: 'nominal' }, tooltip },
      },
      { transform: [{ filter: 'datum.low !== null' }], mark: { type: 'rule', color: TEXT_COLOUR, strokeWidth: 1.5, aria: false }, encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' }, strokeDash: lineStyle(intervalKind) } },
      { transform: [{ filter: 'datum.benchmark !== null' }], mark: { type: 'tick', color: TEXT_COLOUR, thickness: 2, aria: false }, encoding: { y, x: { ...x, field: 'benchmark' }, strokeDash: lineStyle(benchmarkKind) } },
      {
        transform: [{ filter: 'datum.value === null' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', color: MUTED_TEXT_COLOUR, fontStyle: 'italic', aria: false },
        encoding: { y, x: { ...x, datum: 0 }, text: { field: 'valueLabel' } },
      },
    ],
  };
}
