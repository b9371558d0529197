import { describe, expect, it } from 'vitest';
import { bisect, Z95, Z998 } from '../testing/statistics-reference.js';
import { confidenceInterval } from './intervals.js';
import type { ConfidenceLevel } from './types.js';

const ratio = (numerator: number, denominator: number | null, level: ConfidenceLevel = 0.95, multiplier = 1) =>
  confidenceInterval({ method: 'ratio', numerator, denominator, multiplier, level });
const limits = (numerator: number, denominator: number, level: ConfidenceLevel = 0.95, multiplier = 1) => {
  const { interval } = ratio(numerator, denominator, level, multiplier);
  if (!interval) throw new Error('expected an interval');
  return interval;
};

/**
 * The conditional-binomial limits solved directly on the ratio scale: the R for which the score statistic of
 * O1 ~ Binomial(T, R/(1+R)) equals z, i.e. (O1 − T·π)² = z²·T·π(1 − π) with π = R/(1 + R), by bisection in R.
 */
function ratioLimitsByBisection(o1: number, o2: number, z: number) {
  const t = o1 + o2;
  const excess = (r: number) => {
    const pi = r / (1 + r);
    return (o1 - t * pi) ** 2 - z * z * t * pi * (1 - pi);
  };
  const r = o1 / o2;
  return { lower: o1 === 0 ? 0 : bisect(excess, 0, r), upper: bisect(excess, Math.max(r, 1e-300), 1e9) }; // excess(0) = 0 is the other root when O1 = 0
}

describe('ratio of two counts: conditional binomial (Wilson on O1/(O1+O2))', () => {
  it('equals the ratios whose binomial score statistic is z, solved by bisection on the ratio, at both levels', () => {
    const cases: [number, number][] = [[20, 8], [8, 20], [1450, 980], [0, 12], [3, 1], [50, 1_000_000], [1, 1]];
    for (const [level, z] of [[0.95, Z95], [0.998, Z998]] as const) {
      for (const [o1, o2] of cases) {
        const expected = ratioLimitsByBisection(o1, o2, z);
        const interval = limits(o1, o2, level);
        expect(interval.lower / Math.max(expected.lower, 1e-300)).toBeCloseTo(o1 === 0 ? 0 : 1, 9);
        expect(interval.upper / expected.upper).toBeCloseTo(1, 9);
        expect(interval.method).toBe('conditional binomial (Wilson score on O1/(O1+O2))');
      }
    }
  });

  it('contains the ratio itself, on the indicator scale (old-age index × 100)', () => {
    const index = limits(20, 8, 0.95, 100);
    expect(index.lower).toBeLessThan(250);
    expect(index.upper).toBeGreaterThan(250);
  });

  it('is wider than the interval that fixes the denominator when both counts are small (the reason for the choice)', () => {
    const both = limits(20, 8, 0.95, 100);
    const fixed = confidenceInterval({ method: 'rate', numerator: 20, denominator: 8, multiplier: 100, level: 0.95 }).interval!;
    expect(both.upper - both.lower).toBeGreaterThan(1.5 * (fixed.upper - fixed.lower));
  });

  it('tends to the score interval of a Poisson count over a fixed denominator when the denominator is very large', () => {
    // With O2 ≫ O1, π ≈ R and T ≈ O2, so the limits tend to (O1 + z²/2 ∓ z·√(O1 + z²/4)) / O2.
    const [o1, o2] = [50, 1e9];
    const both = limits(o1, o2);
    expect(both.lower / ((o1 + (Z95 * Z95) / 2 - Z95 * Math.sqrt(o1 + (Z95 * Z95) / 4)) / o2)).toBeCloseTo(1, 6);
    expect(both.upper / ((o1 + (Z95 * Z95) / 2 + Z95 * Math.sqrt(o1 + (Z95 * Z95) / 4)) / o2)).toBeCloseTo(1, 6);
    // …and then differs from the rate method's Byar limits only as the score and Byar limits differ (a few %).
    const fixed = confidenceInterval({ method: 'rate', numerator: o1, denominator: o2, multiplier: 1, level: 0.95 }).interval!;
    expect(Math.abs(both.upper - fixed.upper) / fixed.upper).toBeLessThan(0.03);
  });

  it('starts at 0 when the numerator is 0', () => {
    const zero = limits(0, 12);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeGreaterThan(0);
  });

  it('has no interval when the denominator is 0 or missing, or a count is negative or fractional', () => {
    expect(ratio(5, 0)).toMatchObject({ interval: null, reasonCode: 'denominator_zero' });
    expect(ratio(0, 0)).toMatchObject({ interval: null, reasonCode: 'denominator_zero' });
    expect(ratio(5, null)).toMatchObject({ interval: null, reasonCode: 'denominator_missing' });
    expect(ratio(-40, 900)).toMatchObject({ interval: null, reasonCode: 'negative_count' });
    expect(ratio(5, 10.25)).toMatchObject({ interval: null, reasonCode: 'not_a_count' });
  });
});
