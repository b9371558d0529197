/**
 * Contract of the statistics module (shared with the indicator engine; see briefs/stats-api.md).
 * Fields may be added, never renamed or removed.
 */

export type CiMethod = 'proportion' | 'rate' | 'ratio' | 'mean' | 'none';
export type ConfidenceLevel = 0.95 | 0.998;
export type Polarity = 'higher_worse' | 'higher_better' | 'neither';

/** Interval on the indicator's scale (already × multiplier). */
export interface Interval {
  lower: number;
  upper: number;
  level: ConfidenceLevel;
  method: string;
}

/** Why an interval (or a trend test) could not be computed: a stable key, beside the English `reason`. */
export type NoIntervalCode =
  | 'method_none'
  | 'no_dispersion'
  | 'denominator_missing'
  | 'denominator_zero'
  | 'negative_denominator'
  | 'negative_count'
  | 'not_a_count'
  | 'numerator_exceeds_denominator'
  | 'not_a_number';

export interface IntervalResult {
  interval: Interval | null;
  /** English sentence saying why `interval` is null. */
  reason?: string;
  reasonCode?: NoIntervalCode;
}

export interface IntervalInput {
  method: CiMethod;
  numerator: number;
  denominator: number | null;
  multiplier: number;
  level: ConfidenceLevel;
}

export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';

/** A year's summed counts. A point whose denominator is null or 0 has no value and is skipped; a plain
 *  count indicator (catalogue denominator null) is passed with denominator 1. */
export interface TrendPoint {
  year: number;
  numerator: number;
  denominator: number | null;
}

export interface TrendResult {
  /** How many of the last five points were used. */
  points: number;
  direction: 'increasing' | 'decreasing' | 'no_change' | 'not_enough_points';
  /** At the given level. */
  significant: boolean;
  pValue: number | null;
  /** On the indicator's scale. */
  slopePerYear: number | null;
  /** Read through the polarity. */
  assessment: 'improving' | 'worsening' | 'no_change' | 'increasing' | 'decreasing' | 'not_assessed';
  method: string;
  /** Set when no test was run although there were points (a mean, an invalid count, …). */
  reason?: string;
}

export interface Spread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  n: number;
}
