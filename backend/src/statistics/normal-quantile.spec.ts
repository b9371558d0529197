import { describe, expect, it } from 'vitest';
import { simpson, Z95, Z998 } from '../testing/statistics-reference.js';
import { normalCdf, normalQuantile, zForLevel } from './normal-quantile.js';

const density = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
/** Φ(x) = ½ + ∫₀ˣ φ, by Simpson's rule. */
const cdfByIntegration = (x: number) => 0.5 + simpson(density, 0, x);

describe('normalCdf', () => {
  it('agrees with the integral of the density', () => {
    for (const x of [-5, -3.09, -1.96, -1, -0.3, 0, 0.5, 1.2, 2.5, 4]) expect(normalCdf(x)).toBeCloseTo(cdfByIntegration(x), 12);
  });
});

describe('normalQuantile', () => {
  it('gives the tabulated critical values (R: qnorm) to 1e-13', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 13);
    expect(normalQuantile(0.999)).toBeCloseTo(Z998, 13);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326347874040841, 13);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 13);
    expect(normalQuantile(0.75)).toBeCloseTo(0.6744897501960817, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
  });

  it('inverts the integral of the density, both tails', () => {
    for (const x of [-4.5, -2.2, -0.7, 0.01, 1.3, 3.3]) expect(normalQuantile(cdfByIntegration(x))).toBeCloseTo(x, 9);
  });

  it('is antisymmetric and 0 at ½', () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [0.001, 0.2, 0.4]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 14);
  });

  it('refuses a probability outside [0, 1]', () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(normalQuantile(0)).toBe(-Infinity);
  });
});

describe('zForLevel', () => {
  it('is the two-sided critical value of the two levels the API offers', () => {
    expect(zForLevel(0.95)).toBeCloseTo(Z95, 13);
    expect(zForLevel(0.998)).toBeCloseTo(Z998, 13);
    expect(() => zForLevel(0.9 as 0.95)).toThrow(/0.95 or 0.998/);
  });
});
