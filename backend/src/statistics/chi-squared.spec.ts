import { describe, expect, it } from 'vitest';
import { chiSquaredTailByIntegration } from '../testing/statistics-reference.js';
import { chiSquaredCdf, chiSquaredPValue, chiSquaredQuantile } from './chi-squared.js';

describe('chiSquaredPValue', () => {
  it('is the integral of the chi-squared density beyond x (Simpson)', () => {
    for (const k of [1, 2, 3, 4, 10, 21]) {
      for (const x of [0.5, 1, 3.84, 7, 15, 30]) expect(chiSquaredPValue(x, k)).toBeCloseTo(chiSquaredTailByIntegration(x, k), 9);
    }
  });

  it('gives the tabulated critical values on 1 degree of freedom (3.841 at 5%, 10.828 at 0.1%)', () => {
    expect(chiSquaredPValue(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    expect(chiSquaredPValue(10.827566170662733, 1)).toBeCloseTo(0.001, 14);
    expect(chiSquaredPValue(0, 1)).toBe(1);
  });
});

describe('chiSquaredQuantile', () => {
  it('inverts the CDF at both tails and the middle', () => {
    for (const k of [1, 2, 3, 10, 20, 22, 200]) {
      for (const p of [1e-6, 0.001, 0.025, 0.5, 0.975, 0.999]) {
        const x = chiSquaredQuantile(p, k);
        if (p > 0.5) expect(chiSquaredPValue(x, k)).toBeCloseTo(1 - p, 13);
        else expect(chiSquaredCdf(x, k) / p).toBeCloseTo(1, 10);
      }
    }
  });

  it('gives closed forms and tabulated values: −2·ln(1 − p) on 2 df, 3.841 at 95% on 1, 18.307 at 95% on 10', () => {
    expect(chiSquaredQuantile(0.975, 2)).toBeCloseTo(-2 * Math.log(0.025), 12);
    expect(chiSquaredQuantile(0.001, 2)).toBeCloseTo(-2 * Math.log(0.999), 15);
    expect(chiSquaredQuantile(0.95, 1)).toBeCloseTo(3.841458820694124, 12);
    expect(chiSquaredQuantile(0.95, 10)).toBeCloseTo(18.30703805327515, 11);
  });

  it('is 0 at p = 0 and refuses a bad p or df', () => {
    expect(chiSquaredQuantile(0, 4)).toBe(0);
    expect(() => chiSquaredQuantile(2, 4)).toThrow(RangeError);
    expect(() => chiSquaredQuantile(0.5, 0)).toThrow(RangeError);
  });
});
