import type { TopLevelSpec } from 'vega-lite';
import type { Indicator, Lang, ValueRow } from '../api/types';
import { hasValue, type RankedRow } from '../data/ranking';
import { formatValue, localized } from '../i18n';
import { chartConfig, TEXT_COLOUR } from './config';

export const BAR_STEP = 16;
export const BAR_COLOUR = '#2f5f8f';
export const EXTREMES = 15;

/** Bars to draw: every ranked row with a value, or the top and bottom `n` when `showAll` is off. */
export function selectBars(ranked: readonly RankedRow[], showAll: boolean, n = EXTREMES): RankedRow[] {
  const withValue = ranked.filter(hasValue);
  if (showAll || withValue.length <= 2 * n) return withValue;
  return [...withValue.slice(0, n), ...withValue.slice(-n)];
}

export interface BarSpecInput {
  /** Already ranked from the highest value down, rows with a value only (see selectBars). */
  bars: readonly RankedRow[];
  benchmark: ValueRow | null;
  indicator: Indicator;
  lang: Lang;
  width?: number;
}

/** Horizontal ranking, largest value first, with the benchmark (if given) as a labelled dashed rule. */
export function buildBarSpec({ bars, benchmark, indicator, lang, width = 340 }: BarSpecInput): TopLevelSpec {
  const format = (value: number | null) => formatValue(value, indicator.decimals, lang);
  const values = bars
    .filter(hasValue)
    .sort((a, b) => b.value - a.value)
    .map((row) => ({ label: `${row.rank}. ${row.name}`, name: row.name, value: row.value, valueLabel: format(row.value) }));
  const unit = localized(indicator.unit, lang);
  const x = { field: 'value', type: 'quantitative' as const };
  const layers: Extract<TopLevelSpec, { layer: unknown }>['layer'] = [
    {
      mark: { type: 'bar', color: BAR_COLOUR },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, axis: { title: null, labelLimit: 220 } },
        x: { ...x, axis: { title: unit, orient: 'top', grid: true } },
        tooltip: [
          { field: 'name', type: 'nominal', title: localized(indicator.name, lang) },
          { field: 'valueLabel', type: 'nominal', title: unit },
        ],
      },
    },
  ];
  if (benchmark && hasValue(benchmark)) {
    const reference = { value: benchmark.value, label: `${benchmark.name}: ${format(benchmark.value)}` };
    const extent = [0, benchmark.value, ...values.map((d) => d.value)];
    const [min, max] = [Math.min(...extent), Math.max(...extent)];
    // Keep the label inside the plot: beside the rule, on whichever side has more room.
    const leftOfRule = benchmark.value > min + (max - min) * 0.6;
    layers.push(
      {
        data: { values: [reference] },
        mark: { type: 'rule', color: TEXT_COLOUR, strokeWidth: 2, strokeDash: [6, 4] },
        encoding: { x, tooltip: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values: [reference] },
        mark: {
          type: 'text',
          align: leftOfRule ? 'right' : 'left',
          baseline: 'top',
          dx: leftOfRule ? -4 : 4,
          dy: 4,
          color: TEXT_COLOUR,
          fontWeight: 'bold',
        },
        encoding: { x, y: { value: 0 }, text: { field: 'label' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: localized(indicator.name, lang),
    width,
    height: { step: BAR_STEP },
    config: chartConfig(lang),
    data: { values },
    layer: layers,
  };
}
