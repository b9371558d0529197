/**
 * The spine chart of a territory's profile (after Fingertips): one row per indicator, grouped by area of
 * intervention. Each row is normalised around its benchmark, which sits at the centre (0.5): the peers'
 * spread is a pale bar from the lowest to the highest value with a darker bar from the first to the third
 * quartile, the territory is a dot coloured (and shaped) by its comparison with the benchmark, with its
 * 95% interval as a line. Where the indicator has a polarity, "better" is always to the right; without
 * one, higher values are to the right.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison, Lang, Polarity, Profile, ProfileEntry } from '../api/types';
import { formatValue, localized, translate, type MessageKey } from '../i18n';
import { wrapName } from './bar';
import { chartConfig, MUTED_TEXT_COLOUR, TEXT_COLOUR } from './config';

/** Colour-blind safe (ColorBrewer RdBu and PuOr ends, with a neutral grey); each also has its own shape. */
export const SIGNIFICANCE: Record<Comparison, { colour: string; shape: string; label: MessageKey }> = {
  better: { colour: '#2166ac', shape: 'circle', label: 'cmpBetter' },
  similar: { colour: '#bdbdbd', shape: 'circle', label: 'cmpSimilar' },
  worse: { colour: '#b2182b', shape: 'diamond', label: 'cmpWorse' },
  higher: { colour: '#542788', shape: 'triangle-up', label: 'cmpHigher' },
  lower: { colour: '#e08214', shape: 'triangle-down', label: 'cmpLower' },
  not_compared: { colour: '#ffffff', shape: 'square', label: 'cmpNotCompared' },
};
const COMPARISON_ORDER: Comparison[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'];
export const SPREAD_COLOUR = '#d9d9d9';
export const QUARTILES_COLOUR = '#969696';
export const SPINE_STEP = 22;
export const SPINE_STEP_WRAPPED = 30;
const NAME_WIDTH = 150;
/** Capitals are wider than the names' letters. */
const HEADING_CHARS = 20;

/** One row of the chart: an indicator, or the heading of its area (`heading` true, nothing drawn). */
export interface SpineRow {
  label: string;
  heading: boolean;
  indicator: string | null;
  name: string;
  /** Positions on the normalised scale [0, 1], the benchmark at 0.5; null where there is nothing to draw. */
  position: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  spreadLow: number | null;
  spreadHigh: number | null;
  q1: number | null;
  q3: number | null;
  value: number | null;
  comparison: Comparison | null;
  comparisonLabel: string | null;
  /** A word drawn in the row instead of a dot: suppressed or unavailable. */
  note: string | null;
  smallNumber: boolean;
  valueLabel: string;
  benchmarkLabel: string;
  spoken: string;
}

/**
 * Where a value lies on the row's normalised scale: the benchmark at 0.5, the peer (or the territory)
 * farthest from it at 0 or 1. `sign` is -1 when higher is worse, so that better is always to the right.
 */
export function normaliser(centre: number, extent: readonly number[], polarity: Polarity): (value: number) => number {
  const reach = Math.max(0, ...extent.map((v) => Math.abs(v - centre)));
  const sign = polarity === 'higher_worse' ? -1 : 1;
  return (value) => (reach === 0 ? 0.5 : 0.5 + (sign * (value - centre)) / (2 * reach));
}

/** The inverse of normaliser, for checking a drawn position against the value it stands for. */
export function denormalise(position: number, centre: number, extent: readonly number[], polarity: Polarity): number {
  const reach = Math.max(0, ...extent.map((v) => Math.abs(v - centre)));
  const sign = polarity === 'higher_worse' ? -1 : 1;
  return centre + ((position - 0.5) * 2 * reach) / sign;
}

/** The centre of a row: the benchmark's value. Without one the row has no spine, only its table line. */
export function rowCentre(entry: ProfileEntry): number | null {
  const b = entry.benchmark?.value;
  return b !== null && b !== undefined && Number.isFinite(b) ? b : null;
}

/** Values that set a row's scale: the peers' extremes, the territory's value and its interval. */
export function rowExtent(entry: ProfileEntry): number[] {
  const v = entry.value;
  return [
    ...(entry.peers ? [entry.peers.min, entry.peers.max] : []),
    ...(v?.value !== null && v?.value !== undefined ? [v.value] : []),
    ...(v?.ci95 ? [v.ci95.lower, v.ci95.upper] : []),
  ];
}

/** Why a row has no dot, in the user's language. */
export function missingNote(entry: ProfileEntry, lang: Lang): string | null {
  if (entry.value?.suppressed) return translate(lang, 'suppressedValue');
  if (entry.value && entry.value.value !== null) return null;
  if (!entry.indicator.available) return entry.indicator.unavailableReason ? localized(entry.indicator.unavailableReason, lang) : translate(lang, 'unavailable');
  if (entry.value === null && entry.indicator.years.length > 0) return translate(lang, 'noValueThatYear', { years: entry.indicator.years.join(', ') });
  return translate(lang, 'noData');
}

function pair(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

function spineRow(entry: ProfileEntry, lang: Lang): SpineRow {
  const { indicator } = entry;
  const format = (value: number | null | undefined) => formatValue(value ?? null, indicator.decimals, lang);
  const name = localized(indicator.name, lang);
  const centre = rowCentre(entry);
  const own = entry.value;
  const value = own && own.value !== null && Number.isFinite(own.value) ? own.value : null;
  const at = centre === null ? null : normaliser(centre, rowExtent(entry), indicator.polarity);
  const spread = at && entry.peers ? pair(at(entry.peers.min), at(entry.peers.max)) : null;
  const quartiles = at && entry.peers ? pair(at(entry.peers.q1), at(entry.peers.q3)) : null;
  const ci = at && own?.ci95 && value !== null ? pair(at(own.ci95.lower), at(own.ci95.upper)) : null;
  const comparison = value === null ? null : own!.comparison;
  const comparisonLabel = comparison === null ? null : translate(lang, SIGNIFICANCE[comparison].label);
  const note = missingNote(entry, lang);
  const valueLabel = note ?? format(value);
  // In the chart a short word; the reason in full is in the tooltip and in the table.
  const short = note === null ? null : own?.suppressed ? note : value === null && !indicator.available ? translate(lang, 'unavailable') : translate(lang, 'noData');
  const benchmarkLabel = format(entry.benchmark?.value);
  return {
    label: wrapName(name).join('\n'),
    heading: false,
    indicator: indicator.code,
    name,
    position: at && value !== null ? at(value) : null,
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
    spreadLow: spread?.[0] ?? null,
    spreadHigh: spread?.[1] ?? null,
    q1: quartiles?.[0] ?? null,
    q3: quartiles?.[1] ?? null,
    value,
    comparison,
    comparisonLabel,
    note: short,
    smallNumber: own?.smallNumber === true && value !== null,
    valueLabel,
    benchmarkLabel,
    spoken: `${name}: ${valueLabel}${comparisonLabel ? `, ${comparisonLabel}` : ''} (${translate(lang, 'benchmarkShort')} ${benchmarkLabel})`,
  };
}

/** Entries grouped by area of intervention, in the catalogue's order of first appearance. */
export function byArea<T extends { indicator: { area: string } }>(entries: readonly T[]): { area: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const list = groups.get(entry.indicator.area) ?? [];
    list.push(entry);
    groups.set(entry.indicator.area, list);
  }
  return [...groups].map(([area, list]) => ({ area, entries: list }));
}

/** The rows of the chart: per area a heading, then its indicators. */
export function spineRows(profile: Profile, lang: Lang): SpineRow[] {
  return byArea(profile.rows).flatMap(({ entries }) => {
    const areaName = localized(entries[0]!.indicator.areaName, lang).toUpperCase();
    const heading: SpineRow = {
      // Wrapped like the names, so that no label reaches past the names' column and squeezes the spines.
      label: wrapName(areaName, HEADING_CHARS).join('\n'), heading: true, indicator: null, name: areaName, position: null, ciLow: null, ciHigh: null, spreadLow: null, spreadHigh: null,
      q1: null, q3: null, value: null, comparison: null, comparisonLabel: null, note: null, smallNumber: false, valueLabel: '', benchmarkLabel: '', spoken: areaName,
    };
    return [heading, ...entries.map((entry) => spineRow(entry, lang))];
  });
}

export interface SpineSpecInput {
  profile: Profile;
  lang: Lang;
  width?: number | 'container';
}

export function buildSpineSpec({ profile, lang, width = 400 }: SpineSpecInput): TopLevelSpec {
  const rows = spineRows(profile, lang);
  const headings = rows.filter((r) => r.heading).map((r) => r.label);
  const wrapped = rows.some((r) => r.label.includes('\n'));
  const present = COMPARISON_ORDER.filter((c) => rows.some((r) => r.comparison === c));
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: null,
    scale: { domain: rows.map((r) => r.label), paddingInner: 0.3, paddingOuter: 0.2 },
    axis: {
      title: null,
      labelLimit: NAME_WIDTH,
      labelLineHeight: 12,
      minExtent: NAME_WIDTH,
      maxExtent: NAME_WIDTH,
      ticks: false,
      domain: false,
      labelExpr: "split(datum.label, '\\n')",
      labelFontWeight: { condition: { test: `indexof(${JSON.stringify(headings)}, datum.value) >= 0`, value: 'bold' as const }, value: 'normal' as const },
      labelColor: { condition: { test: `indexof(${JSON.stringify(headings)}, datum.value) >= 0`, value: TEXT_COLOUR }, value: MUTED_TEXT_COLOUR },
    },
  };
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: { domain: [0, 1], nice: false, zero: false }, axis: null });
  const tooltip = [
    { field: 'name', type: 'nominal' as const, title: translate(lang, 'indicator') },
    { field: 'valueLabel', type: 'nominal' as const, title: translate(lang, 'value') },
    { field: 'comparisonLabel', type: 'nominal' as const, title: translate(lang, 'significance') },
    { field: 'benchmarkLabel', type: 'nominal' as const, title: translate(lang, 'benchmarkShort') },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: translate(lang, 'spineDescription', { name: profile.name }),
    width,
    height: { step: wrapped ? SPINE_STEP_WRAPPED : SPINE_STEP },
    config: chartConfig(lang),
    data: { values: rows, name: 'rows' },
    layer: [
      { transform: [{ filter: 'datum.spreadLow !== null' }], mark: { type: 'bar', color: SPREAD_COLOUR, height: 12, aria: false }, encoding: { y, x: x('spreadLow'), x2: { field: 'spreadHigh' } } },
      { transform: [{ filter: 'datum.q1 !== null' }], mark: { type: 'bar', color: QUARTILES_COLOUR, height: 12, aria: false }, encoding: { y, x: x('q1'), x2: { field: 'q3' } } },
      { data: { values: [{ centre: 0.5 }] }, mark: { type: 'rule', color: TEXT_COLOUR, strokeWidth: 2, aria: false }, encoding: { x: x('centre') } },
      { transform: [{ filter: 'datum.ciLow !== null' }], mark: { type: 'rule', color: TEXT_COLOUR, strokeWidth: 1.5, aria: false }, encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' } } },
      {
        name: 'dots',
        transform: [{ filter: 'datum.position !== null' }],
        mark: { type: 'point', filled: true, size: 110, stroke: TEXT_COLOUR, strokeWidth: 1, opacity: 1 },
        encoding: {
          y,
          x: x('position'),
          color: {
            field: 'comparisonLabel',
            type: 'nominal',
            scale: { domain: present.map((c) => translate(lang, SIGNIFICANCE[c].label)), range: present.map((c) => SIGNIFICANCE[c].colour) },
            legend: { title: translate(lang, 'significance'), orient: 'bottom', direction: 'horizontal', columns: 2, symbolStrokeColor: TEXT_COLOUR },
          },
          shape: { field: 'comparisonLabel', type: 'nominal', scale: { domain: present.map((c) => translate(lang, SIGNIFICANCE[c].label)), range: present.map((c) => SIGNIFICANCE[c].shape) } },
          description: { field: 'spoken', type: 'nominal' },
          tooltip,
        },
      },
      // Small numbers: an asterisk beside the dot, explained under the chart.
      { transform: [{ filter: 'datum.smallNumber' }], mark: { type: 'text', aria: false, text: '*', dx: 9, dy: -4, fontSize: 16, fontWeight: 'bold', color: TEXT_COLOUR }, encoding: { y, x: x('position') } },
      // No dot: the reason, written across the row.
      {
        transform: [{ filter: 'datum.note !== null' }],
        // Off the names' column, and cut short (the full reason is in the tooltip) before the benchmark line.
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 11, color: MUTED_TEXT_COLOUR, fontStyle: 'italic', limit: { expr: 'width / 2 - 10' } },
        encoding: { y, x: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] }, axis: null }, text: { field: 'note' }, tooltip },
      },
    ],
  };
}
