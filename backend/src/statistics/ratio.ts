// Interval for a ratio of two counts R = O1 ÷ O2 (old-age index = residents 65+ ÷ residents 0-14,
// dependency ratios, places ÷ children), by the conditional-binomial method: if O1 and O2 are independent
// Poisson counts, then given their total T = O1 + O2, O1 ~ Binomial(T, π) with π = R / (1 + R). The
// Wilson score interval for π = O1/T (wilson.ts) is carried back by R = π / (1 − π), which is increasing,
// so the limits are πL/(1 − πL) and πU/(1 − πU) (the "Wilson score method transformed for odds" of the
// PHE technical guide to confidence intervals).
//
// Why this and not "numerator Poisson, denominator fixed" (the rate method): in an old-age index both
// counts vary alike: a comune of 66 residents with 20 over 65 and 8 under 15 has as much noise in
// its 8 children as in its 20 elderly, and fixing the denominator would ignore it, giving an
// interval that is too narrow exactly where planners need the warning. When O2 ≫ O1 the two methods
// agree (π ≈ O1/O2, binomial ≈ Poisson), so nothing is lost for supply ratios on large populations.
// It also never gives a negative limit and has a proper interval when O1 = 0. O1 and O2 must be
// disjoint groups (a numerator inside its denominator is a proportion: use 'proportion').
import { refuseCount, refuseDenominator } from './counts.js';
import { zForLevel } from './normal-quantile.js';
import type { ConfidenceLevel, IntervalResult } from './types.js';
import { wilsonLimits } from './wilson.js';

export const CONDITIONAL_BINOMIAL_METHOD = 'conditional binomial (Wilson score on O1/(O1+O2))';

export function ratioInterval(numerator: number, denominator: number | null, multiplier: number, level: ConfidenceLevel): IntervalResult {
  const refusal = refuseDenominator(denominator) ?? refuseCount('numerator', numerator) ?? refuseCount('denominator', denominator!);
  if (refusal) return { interval: null, ...refusal };
  const o1 = Math.round(numerator);
  const o2 = Math.round(denominator!);
  const { lower, upper } = wilsonLimits(o1, o1 + o2, zForLevel(level));
  const toRatio = (pi: number) => pi / (1 - pi);
  return { interval: { lower: toRatio(lower) * multiplier, upper: toRatio(upper) * multiplier, level, method: CONDITIONAL_BINOMIAL_METHOD } };
}
