// Chi-squared distribution: CDF, upper-tail p-value and quantile, through the incomplete gamma function
// (X ~ χ²(k) ⇔ X/2 ~ Gamma(k/2, 1)). The quantile is found by Newton steps kept inside a bracket
// (bisection whenever a step would leave it), started from the Wilson–Hilferty approximation.
import { gammaDensity, regularizedGammaP, regularizedGammaQ } from './gamma.js';
import { normalQuantile } from './normal-quantile.js';

function checkDegrees(df: number): void {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
}

export function chiSquaredCdf(x: number, df: number): number {
  checkDegrees(df);
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/** P(X ≥ x): the p-value of a chi-squared statistic x. */
export function chiSquaredPValue(x: number, df: number): number {
  checkDegrees(df);
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

/** The x with P(X ≤ x) = p. */
export function chiSquaredQuantile(p: number, df: number): number {
  checkDegrees(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`chiSquaredQuantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const a = df / 2;
  // Solve in y = x/2 on whichever tail is smaller, so that p near 1 keeps its precision.
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const f = (y: number) => (upper ? target - regularizedGammaQ(a, y) : regularizedGammaP(a, y) - target); // increasing in y

  const z = normalQuantile(p);
  const h = 2 / (9 * df);
  let y = Math.max((df * Math.pow(1 - h + z * Math.sqrt(h), 3)) / 2, 1e-300);
  let lo = 0;
  let hi = Math.max(2 * y, 1);
  while (f(hi) < 0) hi *= 2;

  for (let i = 0; i < 200; i++) {
    const value = f(y);
    if (value === 0) return 2 * y;
    if (value < 0) lo = y;
    else hi = y;
    let next = y - value / gammaDensity(a, y);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - y) <= 1e-15 * y || hi - lo <= 1e-15 * hi) return 2 * next;
    y = next;
  }
  return 2 * y;
}
