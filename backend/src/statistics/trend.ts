// Recent trend: a test for a linear trend over the last five points with a value (three at least).
// With years x_i, numerators O_i and denominators n_i, weights n_i and x̄ = Σ n_i x_i / Σ n_i, every
// test uses U = Σ O_i (x_i − x̄) and S = Σ n_i (x_i − x̄)², and X² = U² / Var(U) on 1 degree of freedom:
// - proportion: the chi-squared test for linear trend in proportions (Cochran–Armitage; R's
//   prop.trend.test), Var(U) = p̄(1 − p̄)·S with p̄ = ΣO / Σn;
// - rate: the chi-squared test for trend in Poisson rates with person-time (the score test of β in
//   log λ_i = α + β x_i, Breslow & Day 1987), Var(U) = r̄·S with r̄ = ΣO / Σn;
// - ratio: as the interval (ratio.ts), conditional binomial: the Cochran–Armitage test on O1 out of
//   O1 + O2, which tests "no trend in the ratio" allowing for the noise of both counts;
// - mean and none: no test (no dispersion, or no count model); the slope is still given.
// Significant when p < 1 − level; the direction is then the sign of U (no_change otherwise), and the
// assessment reads it through the polarity. slopePerYear is on the indicator's scale: the
// denominator-weighted least-squares slope of the values, U / S × multiplier, for proportions and
// rates; for ratios the binomial slope of π = O1/(O1+O2) carried to R = π/(1 − π) at π̄ (dR/dπ = 1/(1 − π̄)²),
// so it always has the sign of the test; for means and none, the ordinary least-squares slope of the values.
import { chiSquaredPValue } from './chi-squared.js';
import { refuseCount } from './counts.js';
import { checkLevel } from './normal-quantile.js';
import type { CiMethod, ConfidenceLevel, Polarity, TrendPoint, TrendResult } from './types.js';

export const TREND_WINDOW = 5;
export const MIN_TREND_POINTS = 3;

const METHODS: Record<CiMethod, string> = {
  proportion: `chi-squared test for linear trend in proportions (Cochran-Armitage), last ${TREND_WINDOW} points`,
  rate: `chi-squared test for linear trend in Poisson rates (score test with person-time), last ${TREND_WINDOW} points`,
  ratio: `chi-squared test for linear trend on O1/(O1+O2) (conditional binomial, Cochran-Armitage), last ${TREND_WINDOW} points`,
  mean: `no significance test (a mean without dispersion): least-squares slope of the last ${TREND_WINDOW} values`,
  none: `no significance test (no count model): least-squares slope of the last ${TREND_WINDOW} values`,
};

interface Point {
  year: number;
  numerator: number;
  denominator: number;
}

export function recentTrend(input: {
  points: readonly TrendPoint[];
  method: CiMethod;
  multiplier: number;
  polarity: Polarity;
  level: ConfidenceLevel;
}): TrendResult {
  const { method, multiplier, polarity, level } = input;
  checkLevel(level);
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new RangeError(`multiplier must be a positive number, got ${multiplier}`);
  const described = METHODS[method];

  const withValue = input.points
    .filter((p): p is Point => p.denominator !== null && Number.isFinite(p.denominator) && p.denominator !== 0 && Number.isFinite(p.numerator) && Number.isFinite(p.year))
    .sort((a, b) => a.year - b.year);
  if (new Set(withValue.map((p) => p.year)).size !== withValue.length) {
    return notTested(withValue.length, described, null, 'two points have the same year');
  }
  const points = withValue.slice(-TREND_WINDOW);
  if (points.length < MIN_TREND_POINTS) {
    return { points: points.length, direction: 'not_enough_points', significant: false, pValue: null, slopePerYear: null, assessment: 'not_assessed', method: described };
  }

  if (method === 'mean' || method === 'none') {
    const why = method === 'mean' ? 'a mean has no published dispersion to test against' : 'the indicator has no count model to test';
    return notTested(points.length, described, valueSlope(points, multiplier), why);
  }
  const problem = countProblem(points, method);
  if (problem) return notTested(points.length, described, valueSlope(points, multiplier), problem);

  // The ratio is tested as O1 out of O1 + O2; proportions and rates as O out of n.
  const tested = method === 'ratio' ? points.map((p) => ({ ...p, denominator: p.numerator + p.denominator })) : points;
  const { u, s, mean } = scoreParts(tested);
  const variance = method === 'rate' ? mean * s : mean * (1 - mean) * s;
  const chiSquared = variance > 0 ? (u * u) / variance : 0;
  const pValue = chiSquaredPValue(chiSquared, 1);
  const significant = pValue < 1 - level;
  const direction = !significant ? 'no_change' : u > 0 ? 'increasing' : 'decreasing';
  const slope = method === 'ratio' ? ((u / s) * multiplier) / ((1 - mean) * (1 - mean)) : (u / s) * multiplier;
  return { points: points.length, direction, significant, pValue, slopePerYear: slope, assessment: assess(direction, polarity), method: described };
}

/** U = Σ O_i (x_i − x̄), S = Σ n_i (x_i − x̄)², and ΣO / Σn, with x̄ weighted by n. */
function scoreParts(points: readonly Point[]): { u: number; s: number; mean: number } {
  const total = points.reduce((sum, p) => sum + p.denominator, 0);
  const events = points.reduce((sum, p) => sum + p.numerator, 0);
  const meanYear = points.reduce((sum, p) => sum + p.denominator * p.year, 0) / total;
  let u = 0;
  let s = 0;
  for (const p of points) {
    const dx = p.year - meanYear;
    u += p.numerator * dx;
    s += p.denominator * dx * dx;
  }
  return { u, s, mean: events / total };
}

function countProblem(points: readonly Point[], method: 'proportion' | 'rate' | 'ratio'): string | null {
  for (const p of points) {
    const refusal =
      refuseCount('numerator', p.numerator) ??
      (p.denominator < 0 ? { reason: `the denominator is negative (${p.denominator})` } : null) ??
      (method !== 'rate' ? refuseCount('denominator', p.denominator) : null);
    if (refusal) return `${p.year}: ${refusal.reason}`;
    if (method === 'proportion' && p.numerator > p.denominator) return `${p.year}: the numerator exceeds the denominator`;
  }
  return null;
}

/** Ordinary least-squares slope of the values on the year. */
function valueSlope(points: readonly Point[], multiplier: number): number {
  const values = points.map((p) => (p.numerator / p.denominator) * multiplier);
  const meanYear = points.reduce((sum, p) => sum + p.year, 0) / points.length;
  const meanValue = values.reduce((sum, v) => sum + v, 0) / values.length;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    sxy += (p.year - meanYear) * (values[i]! - meanValue);
    sxx += (p.year - meanYear) ** 2;
  });
  return sxy / sxx;
}

function notTested(count: number, method: string, slope: number | null, reason: string): TrendResult {
  return {
    points: count,
    direction: 'no_change',
    significant: false,
    pValue: null,
    slopePerYear: slope,
    assessment: 'not_assessed',
    method,
    reason,
  };
}

function assess(direction: TrendResult['direction'], polarity: Polarity): TrendResult['assessment'] {
  if (direction === 'no_change') return 'no_change';
  if (direction === 'not_enough_points') return 'not_assessed';
  if (polarity === 'neither') return direction;
  const worse = (direction === 'increasing') === (polarity === 'higher_worse');
  return worse ? 'worsening' : 'improving';
}
