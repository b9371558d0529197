/** From the sums of one territory × indicator × year to what every endpoint shows: value, intervals, flags. */
import { aggregateValue } from '../values/value-math.js';
import { isSmallNumber, type EngineIndicator } from './engine-indicator.js';
import type { SumsRow } from './sums.repository.js';
import type { HiddenParts } from './disclosure.js';
import { compareWithBenchmark, confidenceInterval, type Comparison, type Interval } from './statistics.js';

export interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

export interface IndicatorValue {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly indicator: string;
  readonly year: number;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly ci95: Bounds | null;
  readonly ci998: Bounds | null;
  /** The denominator is under the indicator's minimum. */
  readonly smallNumber: boolean;
  /** Hidden by statistical disclosure control: numerator, value and intervals are blank. */
  readonly suppressed: boolean;
  readonly synthetic: boolean;
  readonly comuniWithData: number;
  readonly comuniTotal: number;
  readonly benchmarkCode: string | null;
  /** Asked for as a row, not only as a benchmark. */
  readonly isRow: boolean;
  /** Kept for comparisons; not published. */
  readonly interval95: Interval | null;
}

/**
 * `hidden`: the parts disclosure control hides from the audience. With either hidden, the value and its
 * intervals are blank too (a value beside one published part gives the other away).
 */
export function indicatorValue(row: SumsRow, indicator: EngineIndicator, parts: HiddenParts): IndicatorValue {
  const hidden = parts.numerator || parts.denominator;
  const sums = { numerator: row.numerator, denominator: row.denominator, comuniWithData: row.comuni_with_data, comuniTotal: row.comuni_total };
  const value = aggregateValue(sums, indicator);
  const interval = (level: 0.95 | 0.998) =>
    value === null || row.numerator === null
      ? null
      : confidenceInterval({ method: indicator.ciMethod, numerator: row.numerator, denominator: row.denominator, multiplier: indicator.multiplier, level }).interval;
  const i95 = hidden ? null : interval(0.95);
  const i998 = hidden ? null : interval(0.998);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    indicator: row.indicator_code,
    year: row.year,
    numerator: parts.numerator ? null : row.numerator,
    denominator: parts.denominator ? null : row.denominator,
    value: hidden ? null : value,
    ci95: bounds(i95),
    ci998: bounds(i998),
    smallNumber: isSmallNumber(indicator, row.denominator, row.comuni_with_data),
    suppressed: hidden,
    synthetic: row.synthetic,
    comuniWithData: row.comuni_with_data,
    comuniTotal: row.comuni_total,
    benchmarkCode: row.benchmark_code,
    isRow: row.is_row,
    interval95: i95,
  };
}

/** A value against its benchmark, through the indicator's polarity; never a territory against itself. */
export function comparison(value: IndicatorValue, benchmark: IndicatorValue | null, indicator: EngineIndicator): Comparison {
  return compareWithBenchmark({
    value: value.value,
    interval: value.interval95,
    benchmark: benchmark?.value ?? null,
    polarity: indicator.polarity,
    sameTerritory: benchmark !== null && benchmark.code === value.code,
  });
}

function bounds(interval: Interval | null): Bounds | null {
  return interval === null ? null : { lower: interval.lower, upper: interval.upper };
}
