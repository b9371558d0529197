import { describe, expect, it } from 'vitest';
import { factorial, poissonCdfBySum, simpson } from '../testing/statistics-reference.js';
import { logGamma, regularizedGammaP, regularizedGammaQ } from './gamma.js';

describe('logGamma', () => {
  it('is ln((n−1)!) at whole numbers, summed as logs', () => {
    for (const n of [1, 2, 3, 5, 10, 20, 50, 100, 171]) {
      let sum = 0;
      for (let k = 2; k < n; k++) sum += Math.log(k);
      expect(logGamma(n)).toBeCloseTo(sum, 11);
    }
  });

  it('is ln(√π) at ½ and ln(√π / 2) at 3/2, and follows Γ(a + 1) = a·Γ(a) at fractions', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    for (const a of [0.1, 0.3, 0.77, 2.4, 9.9]) expect(logGamma(a + 1) - logGamma(a)).toBeCloseTo(Math.log(a), 12);
  });

  it('refuses a ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularised incomplete gamma', () => {
  it('P(n, x) for whole n is the probability of at least n Poisson events with mean x (summed term by term)', () => {
    for (const n of [1, 2, 3, 7, 10, 21, 40]) {
      for (const x of [0.05, 0.5, 1, 3, 9.5, 10, 11, 25, 60]) {
        const expected = 1 - poissonCdfBySum(n - 1, x);
        expect(regularizedGammaP(n, x)).toBeCloseTo(expected, 12);
        expect(regularizedGammaQ(n, x)).toBeCloseTo(1 - expected, 12);
      }
    }
  });

  it('P(½, x) is erf(√x), the error function by its Maclaurin series', () => {
    const erf = (t: number) => {
      let sum = 0;
      for (let k = 0; k < 120; k++) sum += ((-1) ** k * t ** (2 * k + 1)) / (factorial(k) * (2 * k + 1));
      return (2 / Math.sqrt(Math.PI)) * sum;
    };
    for (const x of [0.01, 0.2, 1, 2, 4, 6.25]) expect(regularizedGammaP(0.5, x)).toBeCloseTo(erf(Math.sqrt(x)), 11);
  });

  it('P(a, x) at a fraction is the integral of the gamma density (Simpson)', () => {
    for (const [a, x] of [[2.5, 1.7], [3.5, 6], [0.5 + 7, 12]] as const) {
      const gammaA = Math.exp(logGamma(a));
      const integral = simpson((t) => (t ** (a - 1) * Math.exp(-t)) / gammaA, 0, x);
      expect(regularizedGammaP(a, x)).toBeCloseTo(integral, 9);
    }
  });

  it('keeps its relative precision far in the upper tail (Q(1, x) = e^−x)', () => {
    for (const x of [30, 50, 200]) expect(regularizedGammaQ(1, x) / Math.exp(-x)).toBeCloseTo(1, 10);
  });

  it('is 0 and 1 at the ends', () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(regularizedGammaP(3, Infinity)).toBe(1);
    expect(() => regularizedGammaP(3, -1)).toThrow(RangeError);
  });
});
