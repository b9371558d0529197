import { describe, expect, it } from 'vitest';
import { wilsonByBisection, Z95, Z998 } from '../testing/statistics-reference.js';
import { confidenceInterval } from './intervals.js';
import type { ConfidenceLevel } from './types.js';

const proportion = (numerator: number, denominator: number | null, level: ConfidenceLevel = 0.95, multiplier = 1) =>
  confidenceInterval({ method: 'proportion', numerator, denominator, multiplier, level });
const limits = (numerator: number, denominator: number, level: ConfidenceLevel = 0.95, multiplier = 1) => {
  const { interval } = proportion(numerator, denominator, level, multiplier);
  if (!interval) throw new Error('expected an interval');
  return interval;
};

describe('proportion: Wilson score interval', () => {
  it('matches the worked examples of Newcombe (1998), Table II, method 3 (score, no continuity correction)', () => {
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven methods.
    // Stat Med 1998;17:857-872: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611;
    // 1/29 → 0.0061–0.1718; 29/29 → 0.8830–1.
    const published: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
      [29, 29, 0.883, 1],
    ];
    for (const [o, n, lower, upper] of published) {
      const interval = limits(o, n);
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    }
  });

  it('matches published calculator examples, and is not the Wald interval', () => {
    // Boston University SPH, "Confidence interval for a single proportion": 4 of 8 → 21.5% to 78.5%.
    const fourOfEight = limits(4, 8, 0.95, 100);
    expect(fourOfEight.lower).toBeCloseTo(21.5, 1);
    expect(fourOfEight.upper).toBeCloseTo(78.5, 1);
    // Statulator, "Confidence Interval for a Single Proportion" worked example: 12 of 150 →
    // Wilson 0.046–0.135, where the Wald interval would be 0.037–0.123.
    const twelve = limits(12, 150);
    expect(twelve.lower).toBeCloseTo(0.046, 3);
    expect(twelve.upper).toBeCloseTo(0.135, 3);
    expect(twelve.lower).not.toBeCloseTo(0.037, 3);
  });

  it('solves the score equation |p̂ − π| = z·√(π(1 − π)/n), found by bisection, at 95% and 99.8%', () => {
    const cases: [number, number][] = [[65, 100], [1045, 5000], [13, 66], [1, 1], [0, 7], [3, 3], [2, 1_000_000], [499_000, 1_000_000]];
    for (const [level, z] of [[0.95, Z95], [0.998, Z998]] as const) {
      for (const [o, n] of cases) {
        const expected = wilsonByBisection(o, n, z);
        const interval = limits(o, n, level);
        expect(interval.lower).toBeCloseTo(expected.lower, 12);
        expect(interval.upper).toBeCloseTo(expected.upper, 12);
        expect(interval).toMatchObject({ level, method: 'Wilson score' });
      }
    }
  });

  it('is on the indicator scale, and wider at 99.8% than at 95%', () => {
    const unit = limits(13, 66);
    const percent = limits(13, 66, 0.95, 100);
    expect(percent.lower).toBeCloseTo(unit.lower * 100, 12);
    expect(percent.upper).toBeCloseTo(unit.upper * 100, 12);
    const wide = limits(13, 66, 0.998, 100);
    expect(wide.lower).toBeLessThan(percent.lower);
    expect(wide.upper).toBeGreaterThan(percent.upper);
  });

  it('has a lower limit of 0 when the numerator is 0 and an upper limit of 1 when it equals the denominator', () => {
    const none = limits(0, 50);
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo((Z95 * Z95) / (50 + Z95 * Z95), 14); // closed form at O = 0
    const all = limits(50, 50);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(50 / (50 + Z95 * Z95), 14);
  });

  it('has no interval for a numerator above the denominator, a negative or fractional count, or no denominator', () => {
    expect(proportion(11, 10)).toMatchObject({ interval: null, reasonCode: 'numerator_exceeds_denominator' });
    expect(proportion(-1, 10)).toMatchObject({ interval: null, reasonCode: 'negative_count' });
    expect(proportion(2.5, 10)).toMatchObject({ interval: null, reasonCode: 'not_a_count' });
    expect(proportion(2, 10.5)).toMatchObject({ interval: null, reasonCode: 'not_a_count' });
    expect(proportion(0, 0)).toMatchObject({ interval: null, reasonCode: 'denominator_zero' });
    expect(proportion(3, null)).toMatchObject({ interval: null, reasonCode: 'denominator_missing' });
    expect(proportion(Number.NaN, 10)).toMatchObject({ interval: null, reasonCode: 'not_a_number' });
    expect(proportion(11, 10).reason).toMatch(/exceeds the denominator/);
  });

  it('takes a count summed as a double with rounding noise as the whole count', () => {
    const noisy = limits(0.1 + 0.2 + 12.7, 66); // 13.000000000000002
    const exact = limits(13, 66);
    expect(noisy.lower).toBe(exact.lower);
  });
});
