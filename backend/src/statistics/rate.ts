// Interval for a rate (events ÷ population or person-time, the denominator taken as fixed): Poisson
// limits of the count (Byar from 10 events, exact below: poisson.ts) divided by the denominator.
// The denominator need not be a whole number; the numerator must be a count of events.
import { refuseCount, refuseDenominator } from './counts.js';
import { zForLevel } from './normal-quantile.js';
import { poissonCountLimits } from './poisson.js';
import type { ConfidenceLevel, IntervalResult } from './types.js';

export const BYAR_METHOD = "Byar's method";
export const EXACT_POISSON_METHOD = 'exact Poisson (chi-squared)';

export function rateInterval(numerator: number, denominator: number | null, multiplier: number, level: ConfidenceLevel): IntervalResult {
  const refusal = refuseDenominator(denominator) ?? refuseCount('numerator', numerator);
  if (refusal) return { interval: null, ...refusal };
  const { lower, upper, exact } = poissonCountLimits(Math.round(numerator), level, zForLevel(level));
  const scale = multiplier / denominator!;
  return { interval: { lower: lower * scale, upper: upper * scale, level, method: exact ? EXACT_POISSON_METHOD : BYAR_METHOD } };
}
