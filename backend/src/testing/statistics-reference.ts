// Reference computations for the statistics specs, by algorithms other than the module's own: sums of
// series term by term, bisection, Simpson's rule. Slow and simple on purpose; used only by the specs.

/** Bisection for the root of an increasing or decreasing f on [lo, hi] (f(lo) and f(hi) of opposite signs). */
export function bisect(f: (x: number) => number, lo: number, hi: number, iterations = 200): number {
  let flo = f(lo);
  for (let i = 0; i < iterations; i++) {
    const mid = (lo + hi) / 2;
    const fmid = f(mid);
    if (fmid === 0) return mid;
    if (Math.sign(fmid) === Math.sign(flo)) {
      lo = mid;
      flo = fmid;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Composite Simpson's rule with `steps` (even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, steps = 20_000): number {
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** P(X ≤ k) for X ~ Poisson(mean), summing e^(−m) m^j / j! term by term (each term through its log, so large means do not underflow). */
export function poissonCdfBySum(k: number, mean: number): number {
  if (mean === 0) return 1;
  let logFactorial = 0;
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    if (j > 0) logFactorial += Math.log(j);
    sum += Math.exp(-mean + j * Math.log(mean) - logFactorial);
  }
  return sum;
}

/** Exact (Garwood) Poisson limits for a count by bisection on the Poisson CDF: P(X ≥ O | L) = α/2, P(X ≤ O | U) = α/2. */
export function exactPoissonByBisection(observed: number, level: number): { lower: number; upper: number } {
  const halfAlpha = (1 - level) / 2;
  const lower = observed === 0 ? 0 : bisect((m) => 1 - poissonCdfBySum(observed - 1, m) - halfAlpha, 0, observed);
  const upper = bisect((m) => poissonCdfBySum(observed, m) - halfAlpha, observed, 2 * observed + 100);
  return { lower, upper };
}

/** Wilson limits as the two proportions π whose score statistic |p̂ − π| / √(π(1 − π)/n) equals z. */
export function wilsonByBisection(observed: number, total: number, z: number): { lower: number; upper: number } {
  const p = observed / total;
  const excess = (pi: number) => (p - pi) ** 2 * total - z * z * pi * (1 - pi);
  return {
    lower: observed === 0 ? 0 : bisect(excess, 0, p),
    upper: observed === total ? 1 : bisect(excess, Math.max(p, 1e-300), 1), // excess(0) = 0 is the other root
  };
}

/** n! as a float, by multiplication. */
export function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** Γ(k/2) for a whole k ≥ 1, from factorials (Γ(n) = (n−1)!, Γ(n + ½) = (2n)!·√π / (4ⁿ·n!)). */
export function gammaOfHalf(k: number): number {
  if (k % 2 === 0) return factorial(k / 2 - 1);
  const n = (k - 1) / 2;
  return (factorial(2 * n) * Math.sqrt(Math.PI)) / (4 ** n * factorial(n));
}

/** P(X ≥ x) for X ~ χ²(k), integrating the density from x to far in the tail by Simpson's rule. */
export function chiSquaredTailByIntegration(x: number, k: number): number {
  const c = 1 / (2 ** (k / 2) * gammaOfHalf(k));
  const density = (t: number) => c * t ** (k / 2 - 1) * Math.exp(-t / 2);
  return simpson(density, x, x + 400, 200_000);
}

// Critical values of the standard normal distribution (tables; R: qnorm(0.975), qnorm(0.999)).
export const Z95 = 1.959963984540054;
export const Z998 = 3.090232306167813;
