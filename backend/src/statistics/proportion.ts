// Interval for a proportion indicator (numerator a subset of the denominator): Wilson score.
import { refuseCount, refuseDenominator } from './counts.js';
import { zForLevel } from './normal-quantile.js';
import type { ConfidenceLevel, IntervalResult } from './types.js';
import { wilsonLimits } from './wilson.js';

export const WILSON_METHOD = 'Wilson score';

export function proportionInterval(numerator: number, denominator: number | null, multiplier: number, level: ConfidenceLevel): IntervalResult {
  const refusal = refuseDenominator(denominator) ?? refuseCount('numerator', numerator) ?? refuseCount('denominator', denominator!);
  if (refusal) return { interval: null, ...refusal };
  const total = denominator!;
  if (numerator > total) {
    return {
      interval: null,
      reasonCode: 'numerator_exceeds_denominator',
      reason: `the numerator (${numerator}) exceeds the denominator (${total}): not a proportion`,
    };
  }
  const { lower, upper } = wilsonLimits(Math.round(numerator), Math.round(total), zForLevel(level));
  return { interval: { lower: lower * multiplier, upper: upper * multiplier, level, method: WILSON_METHOD } };
}
