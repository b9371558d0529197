import type { TopLevelSpec } from 'vega-lite';
import type { Indicator, Lang, ValueRow } from '../api/types';
import { hasValue, type RankedRow } from '../data/ranking';
import { formatValue, localized } from '../i18n';
import { chartConfig, TEXT_COLOUR } from './config';

export const BAR_STEP = 16;
/** Row height when some name takes two lines. */
export const BAR_STEP_WRAPPED = 26;
export const BAR_COLOUR = '#2f5f8f';
export const HOME_BAR_COLOUR = '#b35806';
export const EXTREMES = 15;
/** Above this many bars the chart is taller than a screen: its axis goes in a strip that stays in view. */
export const LONG_RANKING = 2 * EXTREMES;
/** Width of the names beside the bars; fixed so that a separate axis strip lines up with the bars. */
export const NAME_WIDTH = 180;
export const NAME_CHARS = 24;
/** The band above the first bar that holds the benchmark's label, so the label never sits on a bar. */
const LABEL_ROW = ' ';

/** Bars to draw: every ranked row with a value, or the top and bottom `n` (and the user's comune) when `showAll` is off. */
export function selectBars(ranked: readonly RankedRow[], showAll: boolean, n = EXTREMES, home: string | null = null): RankedRow[] {
  const withValue = ranked.filter(hasValue);
  if (showAll || withValue.length <= 2 * n) return withValue;
  return withValue.filter((row, i) => i < n || i >= withValue.length - n || row.code === home);
}

/** A name on at most two lines of about `max` characters, broken at spaces; the rest elided. */
export function wrapName(name: string, max = NAME_CHARS): string[] {
  if (name.length <= max) return [name];
  const lines: string[] = [''];
  for (const word of name.split(/\s+/)) {
    const line = lines.at(-1)!;
    if (line === '' || line.length + 1 + word.length <= max) lines[lines.length - 1] = line === '' ? word : `${line} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0]!, `${second.slice(0, max - 1).trimEnd()}…`];
}

export interface BarSpecInput {
  /** Already ranked from the highest value down, rows with a value only (see selectBars). */
  bars: readonly RankedRow[];
  benchmark: ValueRow | null;
  indicator: Indicator;
  lang: Lang;
  /** 'container': as wide as the element it is drawn in. */
  width?: number | 'container';
  /** The user's own comune, drawn in another colour. */
  home?: string | null;
}

function xDomain(bars: readonly RankedRow[], benchmark: ValueRow | null): [number, number] {
  const extent = [0, ...bars.filter(hasValue).map((row) => row.value), ...(benchmark && hasValue(benchmark) ? [benchmark.value] : [])];
  return [Math.min(...extent), Math.max(...extent)];
}

function xScale(bars: readonly RankedRow[], benchmark: ValueRow | null) {
  return { domain: xDomain(bars, benchmark), nice: true, zero: true };
}

/** The names' axis, of a fixed width whether it shows names or not (see NAME_WIDTH). */
// No label limit: wrapName keeps names within it, and Vega's limit would cut them with "…".
const nameAxis = { title: null, labelLimit: 0, labelLineHeight: 12, minExtent: NAME_WIDTH, maxExtent: NAME_WIDTH, labelExpr: "split(datum.label, '\\n')" };

/**
 * Horizontal ranking, largest value first, with the benchmark (if given) as a dashed rule labelled in a
 * row of its own above the bars. Long names wrap on two lines (in full in the tooltip). A long ranking
 * has no axis of its own: buildBarAxisSpec draws it, to keep in view beside the bars.
 */
export function buildBarSpec({ bars, benchmark, indicator, lang, width = 340, home = null }: BarSpecInput): TopLevelSpec {
  const format = (value: number | null) => formatValue(value, indicator.decimals, lang);
  const values = bars
    .filter(hasValue)
    .sort((a, b) => b.value - a.value)
    .map((row) => {
      const [first, ...rest] = wrapName(row.name);
      return { label: [`${row.rank}. ${first}`, ...rest].join('\n'), code: row.code, name: row.name, value: row.value, valueLabel: format(row.value), home: row.code === home, spoken: `${row.rank}. ${row.name}: ${format(row.value)}` };
    });
  const unit = localized(indicator.unit, lang);
  const wrapped = values.some((d) => d.label.includes('\n'));
  const long = values.length > LONG_RANKING;
  const withBenchmark = benchmark !== null && hasValue(benchmark);
  const x = { field: 'value', type: 'quantitative' as const, scale: xScale(bars, benchmark) };
  const layers: Extract<TopLevelSpec, { layer: unknown }>['layer'] = [
    {
      mark: { type: 'bar' },
      encoding: {
        color: { condition: { test: 'datum.home', value: HOME_BAR_COLOUR }, value: BAR_COLOUR },
        // What a screen reader (and the keyboard walk through the bars) says for each bar.
        description: { field: 'spoken', type: 'nominal' },
        y: {
          field: 'label',
          type: 'nominal',
          sort: null,
          scale: { domain: [...(withBenchmark ? [LABEL_ROW] : []), ...values.map((d) => d.label)] },
          axis: nameAxis,
        },
        x: { ...x, axis: long ? null : { title: unit, orient: 'top', grid: true } },
        tooltip: [
          { field: 'name', type: 'nominal', title: localized(indicator.name, lang) },
          { field: 'valueLabel', type: 'nominal', title: unit },
        ],
      },
    },
  ];
  if (withBenchmark) {
    // The value first: when the room is short, the name is what gets cut.
    const reference = { value: benchmark.value, label: `${format(benchmark.value)} (${benchmark.name})`, row: LABEL_ROW };
    // Beside the rule on whichever side has more room, cut to that room ("…"; the name is in full below
    // the chart and in the tooltip): measured at draw time, since the chart takes its container's width.
    const at = "scale('x', datum.value)";
    const leftOfRule = `${at} > width / 2`;
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
          baseline: 'middle',
          color: TEXT_COLOUR,
          fontWeight: 'bold',
          align: { expr: `${leftOfRule} ? 'right' : 'left'` },
          dx: { expr: `${leftOfRule} ? -4 : 4` },
          limit: { expr: `max(80, (${leftOfRule} ? ${at} : width - ${at}) - 8)` },
        },
        encoding: { x, y: { field: 'row', type: 'nominal' }, text: { field: 'label' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: localized(indicator.name, lang),
    width,
    height: { step: wrapped ? BAR_STEP_WRAPPED : BAR_STEP },
    config: chartConfig(lang),
    data: { values },
    layer: layers,
  };
}

/** The axis of a long ranking alone, on the same scale and offset as its bars; null when the ranking has its own. */
export function buildBarAxisSpec({ bars, benchmark, indicator, lang, width = 340 }: BarSpecInput): TopLevelSpec | null {
  if (bars.filter(hasValue).length <= LONG_RANKING) return null;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: localized(indicator.unit, lang),
    width,
    height: 0,
    config: chartConfig(lang),
    data: { values: [] },
    mark: { type: 'point', opacity: 0 },
    encoding: {
      x: { field: 'value', type: 'quantitative', scale: xScale(bars, benchmark), axis: { title: localized(indicator.unit, lang), orient: 'top', grid: false } },
      y: { field: 'label', type: 'nominal', axis: { ...nameAxis, labels: false, ticks: false, domain: false } },
    },
  };
}
