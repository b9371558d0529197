import { describe, expect, it } from 'vitest';
import { exactPoissonByBisection } from '../testing/statistics-reference.js';
import { confidenceInterval } from './intervals.js';
import type { ConfidenceLevel } from './types.js';

const rate = (numerator: number, denominator: number | null, level: ConfidenceLevel = 0.95, multiplier = 1) =>
  confidenceInterval({ method: 'rate', numerator, denominator, multiplier, level });
const limits = (numerator: number, denominator: number, level: ConfidenceLevel = 0.95, multiplier = 1) => {
  const { interval } = rate(numerator, denominator, level, multiplier);
  if (!interval) throw new Error('expected an interval');
  return interval;
};
const relative = (a: number, b: number) => Math.abs(a - b) / b;

describe('rate: exact Poisson limits under 10 events', () => {
  it('equal the limits found by bisection on the Poisson CDF summed term by term, at both levels', () => {
    for (const level of [0.95, 0.998] as const) {
      for (let o = 0; o < 10; o++) {
        const expected = exactPoissonByBisection(o, level);
        const interval = limits(o, 1, level);
        expect(interval.lower).toBeCloseTo(expected.lower, 10);
        expect(interval.upper).toBeCloseTo(expected.upper, 10);
        expect(interval.method).toBe('exact Poisson (chi-squared)');
      }
    }
  });

  it('match the published values: 0 events → upper limit 3.689 at 95% (epitools pois.exact documentation)', () => {
    const zero = limits(0, 1);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(3.689, 3);
    // A normal approximation (3 ± 1.96·√3) would give a negative lower limit; the exact one is 0.619.
    expect(limits(3, 1).lower).toBeCloseTo(0.6187, 4);
  });
});

describe("rate: Byar's method from 10 events", () => {
  it('is the formula of the Fingertips guidance ("Rates"), not the exact limits, at 10 events', () => {
    // O_lower = O(1 − 1/(9O) − z/(3√O))³, O_upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³
    const z = 1.959963984540054;
    const interval = limits(10, 1);
    expect(interval.method).toBe("Byar's method");
    expect(interval.lower).toBeCloseTo(10 * (1 - 1 / 90 - z / (3 * Math.sqrt(10))) ** 3, 12);
    expect(interval.upper).toBeCloseTo(11 * (1 - 1 / 99 + z / (3 * Math.sqrt(11))) ** 3, 12);
    const exact = exactPoissonByBisection(10, 0.95);
    expect(relative(interval.lower, exact.lower)).toBeGreaterThan(1e-4);
  });

  it('is within 0.2% of the exact limits for 10 events or more at 95%, as the guidance states', () => {
    // Published exact limits for 10 events: 4.80 to 18.39 (calculatorhub, Garwood method).
    expect(limits(10, 1).lower).toBeCloseTo(4.8, 1);
    expect(limits(10, 1).upper).toBeCloseTo(18.39, 2);
    for (const o of [10, 11, 15, 25, 60, 150, 400, 1000]) {
      const exact = exactPoissonByBisection(o, 0.95);
      const interval = limits(o, 1);
      expect(relative(interval.lower, exact.lower)).toBeLessThan(0.002);
      expect(relative(interval.upper, exact.upper)).toBeLessThan(0.002);
    }
  });

  it('divides the count limits by the denominator and scales by the multiplier', () => {
    const count = limits(65, 1);
    const per1000 = limits(65, 25_000, 0.95, 1000);
    expect(per1000.lower).toBeCloseTo((count.lower / 25_000) * 1000, 12);
    expect(per1000.upper).toBeCloseTo((count.upper / 25_000) * 1000, 12);
    expect(limits(65, 1, 0.998).upper).toBeGreaterThan(count.upper);
  });
});

describe('rate: inputs without an interval', () => {
  it('refuses a negative or fractional count and a missing, zero or negative denominator', () => {
    expect(rate(-12, 1000)).toMatchObject({ interval: null, reasonCode: 'negative_count' });
    expect(rate(-12, 1000).reason).toMatch(/negative/);
    expect(rate(1234.56, 1000)).toMatchObject({ interval: null, reasonCode: 'not_a_count' });
    expect(rate(5, null)).toMatchObject({ interval: null, reasonCode: 'denominator_missing' });
    expect(rate(5, 0)).toMatchObject({ interval: null, reasonCode: 'denominator_zero' });
    expect(rate(5, -3)).toMatchObject({ interval: null, reasonCode: 'negative_denominator' });
  });

  it('accepts a denominator that is not a whole number (person-time, an area)', () => {
    expect(limits(5, 12.5).upper).toBeCloseTo(exactPoissonByBisection(5, 0.95).upper / 12.5, 10);
  });
});
