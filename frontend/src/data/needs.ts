/**
 * Bisogni e offerta: each supply indicator paired with the need it answers, and the comuni placed in
 * the four quadrants of need against coverage, split at the benchmark's values.
 */
import type { Indicator, IndicatorValues, ValueRow } from '../api/types';
import type { GapRow, Gaps } from '../api/pages';

/** Supply indicator → the need indicator of its area it is read against. */
export const NEED_OF_SUPPLY: Readonly<Record<string, string>> = {
  SUP01: 'DEM08',
  SUP02: 'DEM04',
  SUP03: 'DEM14',
  DIS02: 'DIS01',
  SUP06: 'DEM02',
};

export interface SupplyPair {
  area: string;
  supply: Indicator;
  need: Indicator;
}

/** The pairs whose two indicators are both in the catalogue, in catalogue order of the supply. */
export function supplyPairs(catalogue: readonly Indicator[]): SupplyPair[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  return catalogue.flatMap((supply) => {
    const need = byCode.get(NEED_OF_SUPPLY[supply.code] ?? '');
    return need ? [{ area: supply.area, supply, need }] : [];
  });
}

export type Quadrant = 'highNeedLowSupply' | 'highNeedHighSupply' | 'lowNeedLowSupply' | 'lowNeedHighSupply';

export interface NeedPoint {
  code: string;
  name: string;
  need: number;
  supply: number;
  /** Units missing to reach the target (places, beds…); null without a target or a figure. */
  shortfall: number | null;
  quadrant: Quadrant;
  smallNumber: boolean;
}

const usable = (row: ValueRow | undefined): row is ValueRow & { value: number } => row !== undefined && row.value !== null && Number.isFinite(row.value) && !row.suppressed;

/** Quadrant of a point: above or below each benchmark ("high need" = above the need benchmark). */
export function quadrantOf(need: number, supply: number, needBenchmark: number, supplyBenchmark: number): Quadrant {
  const high = need > needBenchmark;
  const low = supply < supplyBenchmark;
  if (high) return low ? 'highNeedLowSupply' : 'highNeedHighSupply';
  return low ? 'lowNeedLowSupply' : 'lowNeedHighSupply';
}

/**
 * One point per territory with both a need and a supply value (suppressed or missing ones are left out,
 * never drawn as zero), with its shortfall from the gaps when given.
 */
export function needPoints(needRows: readonly ValueRow[], supplyRows: readonly ValueRow[], gaps: readonly GapRow[], needBenchmark: number, supplyBenchmark: number): NeedPoint[] {
  const needs = new Map(needRows.map((row) => [row.code, row]));
  const shortfalls = new Map(gaps.map((row) => [row.code, row.shortfall]));
  return supplyRows.flatMap((supplyRow) => {
    const needRow = needs.get(supplyRow.code);
    if (!usable(supplyRow) || !usable(needRow)) return [];
    return [{
      code: supplyRow.code,
      name: supplyRow.name,
      need: needRow.value,
      supply: supplyRow.value,
      shortfall: shortfalls.get(supplyRow.code) ?? null,
      quadrant: quadrantOf(needRow.value, supplyRow.value, needBenchmark, supplyBenchmark),
      smallNumber: needRow.smallNumber || supplyRow.smallNumber,
    }];
  });
}

/** The comuni that need most and are served least: largest shortfall first, then lowest coverage. */
export function highNeedLowSupply(points: readonly NeedPoint[]): NeedPoint[] {
  return points
    .filter((p) => p.quadrant === 'highNeedLowSupply')
    .sort((a, b) => (b.shortfall ?? -1) - (a.shortfall ?? -1) || a.supply - b.supply || a.name.localeCompare(b.name, 'it'));
}

/**
 * The gaps as values the map draws: each territory's shortfall in units (places, beds, users) as its
 * value, with a unit and a polarity that say so (more missing = more critical); no figure = no data.
 */
export function shortfallValues(gaps: Gaps, units: Indicator['unit']): IndicatorValues {
  const indicator: Indicator = { ...gaps.indicator, unit: units, decimals: 0, polarity: 'higher_worse', target: null };
  const rows = gaps.rows.map(({ shortfall, ...row }) => {
    // Whole units: a place or a bed cannot be missing in part.
    const units = shortfall === null ? null : Math.ceil(shortfall);
    return { ...row, value: units, numerator: units, denominator: null };
  });
  return { indicator, level: gaps.level, parent: gaps.parent, year: gaps.year ?? 0, years: gaps.year === null ? [] : [gaps.year], snapshot: gaps.snapshot, rows, total: rows.length, limit: rows.length, offset: 0, benchmark: null, benchmarks: [], sources: gaps.sources, synthetic: gaps.synthetic };
}
