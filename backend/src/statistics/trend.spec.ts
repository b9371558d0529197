import { describe, expect, it } from 'vitest';
import { chiSquaredTailByIntegration } from '../testing/statistics-reference.js';
import { recentTrend } from './trend.js';
import type { CiMethod, ConfidenceLevel, Polarity, TrendPoint } from './types.js';

const trend = (points: TrendPoint[], method: CiMethod, options: { level?: ConfidenceLevel; polarity?: Polarity; multiplier?: number } = {}) =>
  recentTrend({ points, method, multiplier: options.multiplier ?? 100, polarity: options.polarity ?? 'higher_worse', level: options.level ?? 0.95 });
const series = (years: number[], numerators: number[], denominators: (number | null)[]): TrendPoint[] =>
  years.map((year, i) => ({ year, numerator: numerators[i]!, denominator: denominators[i]! }));

/** Slope of y on x weighted by w, from the normal equations. */
function weightedSlope(x: number[], y: number[], w: number[]): number {
  const s = (f: (i: number) => number) => x.reduce((sum, _, i) => sum + f(i), 0);
  const sw = s((i) => w[i]!), swx = s((i) => w[i]! * x[i]!), swy = s((i) => w[i]! * y[i]!);
  const swxx = s((i) => w[i]! * x[i]! * x[i]!), swxy = s((i) => w[i]! * x[i]! * y[i]!);
  return (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
}

// R's example for prop.trend.test (stats package documentation): smokers <- c(83, 90, 129, 70);
// patients <- c(86, 93, 136, 82); prop.trend.test(smokers, patients) gives X-squared = 8.2249, p-value = 0.004132.
const smokers = [83, 90, 129, 70];
const patients = [86, 93, 136, 82];
const years4 = [2020, 2021, 2022, 2023];

describe('recent trend of a proportion: chi-squared test for linear trend (Cochran-Armitage)', () => {
  it("gives the p-value of R's prop.trend.test example (0.004132), significant at 95%, decreasing", () => {
    const result = trend(series(years4, smokers, patients), 'proportion');
    expect(result.pValue).toBeCloseTo(0.004132, 6);
    expect(result.pValue).toBeCloseTo(chiSquaredTailByIntegration(8.2249, 1), 5);
    expect(result).toMatchObject({ points: 4, direction: 'decreasing', significant: true, assessment: 'improving' });
    expect(result.method).toMatch(/Cochran-Armitage/);
  });

  it('is not significant at 99.8% for the same data (p = 0.004 > 0.002)', () => {
    expect(trend(series(years4, smokers, patients), 'proportion', { level: 0.998 })).toMatchObject({
      significant: false,
      direction: 'no_change',
      assessment: 'no_change',
    });
  });

  it('gives the slope of the values weighted by their denominators, on the indicator scale', () => {
    const result = trend(series(years4, smokers, patients), 'proportion', { multiplier: 100 });
    const expected = weightedSlope(years4, smokers.map((s, i) => (100 * s) / patients[i]!), patients);
    expect(result.slopePerYear).toBeCloseTo(expected, 10);
  });

  it('uses only the last five points with a value', () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
    const numerators = [900, 850, 0, 100, 110, 120, 130, 141];
    const denominators: (number | null)[] = [1000, 1000, null, 1000, 1000, 1000, 1000, 1000];
    const all = trend(series(years, numerators, denominators), 'proportion');
    const lastFive = trend(series(years.slice(3), numerators.slice(3), denominators.slice(3)), 'proportion');
    expect(all).toEqual(lastFive);
    expect(all).toMatchObject({ points: 5, direction: 'increasing', significant: true, assessment: 'worsening' });
  });

  it('needs three points: fewer is not_enough_points', () => {
    const result = trend(series([2021, 2022, 2023], [5, 6, 7], [100, null, 0]), 'proportion');
    expect(result).toMatchObject({ points: 1, direction: 'not_enough_points', significant: false, pValue: null, slopePerYear: null, assessment: 'not_assessed' });
  });

  it('finds no change (p = 1) when every numerator is 0', () => {
    expect(trend(series([2019, 2020, 2021], [0, 0, 0], [50, 60, 70]), 'proportion')).toMatchObject({ pValue: 1, direction: 'no_change' });
  });
});

describe('recent trend of a rate: chi-squared test for trend in Poisson rates with person-time', () => {
  const years = [2019, 2020, 2021, 2022, 2023];
  const events = [30, 41, 38, 55, 61];
  const personTime = [10_000, 10_200, 10_300, 10_500, 10_600];

  /** Score test of β in log λ_i = α + β·x_i + log n_i, from numerical derivatives of the Poisson log-likelihood at (α̂, 0). */
  function scoreTestByDifferentiation(): number {
    const x = years.map((y) => y - 2021);
    const logLikelihood = (a: number, b: number) =>
      events.reduce((sum, o, i) => sum + o * (a + b * x[i]! + Math.log(personTime[i]!)) - personTime[i]! * Math.exp(a + b * x[i]!), 0);
    const a = Math.log(events.reduce((s, o) => s + o, 0) / personTime.reduce((s, n) => s + n, 0));
    const h = 1e-4;
    const score = (logLikelihood(a, h) - logLikelihood(a, -h)) / (2 * h);
    const iaa = -(logLikelihood(a + h, 0) - 2 * logLikelihood(a, 0) + logLikelihood(a - h, 0)) / (h * h);
    const ibb = -(logLikelihood(a, h) - 2 * logLikelihood(a, 0) + logLikelihood(a, -h)) / (h * h);
    const iab = -(logLikelihood(a + h, h) - logLikelihood(a + h, -h) - logLikelihood(a - h, h) + logLikelihood(a - h, -h)) / (4 * h * h);
    return (score * score) / (ibb - (iab * iab) / iaa);
  }

  it('gives the p-value of the Poisson score test computed from the log-likelihood', () => {
    const result = trend(series(years, events, personTime), 'rate', { multiplier: 1000 });
    const expected = chiSquaredTailByIntegration(scoreTestByDifferentiation(), 1);
    expect(result.pValue! / expected).toBeCloseTo(1, 4);
    expect(result).toMatchObject({ points: 5, direction: 'increasing', significant: true, assessment: 'worsening' });
    expect(result.method).toMatch(/Poisson/);
    expect(result.slopePerYear).toBeCloseTo(weightedSlope(years, events.map((o, i) => (1000 * o) / personTime[i]!), personTime), 10);
  });

  it('differs from the proportion test when the rate is not small (no 1 − p̄ factor)', () => {
    const dense = series(years, [300, 330, 310, 360, 380], [1000, 1000, 1000, 1000, 1000]);
    expect(trend(dense, 'rate').pValue).toBeGreaterThan(trend(dense, 'proportion').pValue!);
  });

  it('does not test a negative count (population change) and says why', () => {
    const result = trend(series(years, [30, -12, 38, 55, 61], personTime), 'rate');
    expect(result).toMatchObject({ pValue: null, significant: false, assessment: 'not_assessed' });
    expect(result.reason).toMatch(/2020: .*negative/);
  });
});

describe('recent trend of a ratio: Cochran-Armitage on O1 out of O1 + O2', () => {
  const nonSmokers = smokers.map((s, i) => patients[i]! - s);

  it('gives the prop.trend.test p-value for the ratio smokers ÷ non-smokers', () => {
    const result = trend(series(years4, smokers, nonSmokers), 'ratio', { polarity: 'neither' });
    expect(result.pValue).toBeCloseTo(0.004132, 6);
    expect(result).toMatchObject({ direction: 'decreasing', assessment: 'decreasing' });
  });

  it('gives a slope with the sign of the test, the binomial slope carried to the ratio scale', () => {
    const result = trend(series(years4, smokers, nonSmokers), 'ratio', { multiplier: 1 });
    const piBar = smokers.reduce((a, b) => a + b, 0) / patients.reduce((a, b) => a + b, 0);
    const binomialSlope = weightedSlope(years4, smokers.map((s, i) => s / patients[i]!), patients);
    expect(result.slopePerYear).toBeCloseTo(binomialSlope / (1 - piBar) ** 2, 10);
    expect(result.slopePerYear).toBeLessThan(0);
  });
});

describe('recent trend: methods without a test and bad input', () => {
  it('gives a mean its least-squares slope but no test', () => {
    const result = trend(series([2019, 2020, 2021, 2022], [2000, 2100, 2200, 2300], [100, 100, 100, 100]), 'mean', { multiplier: 1 });
    expect(result.slopePerYear).toBeCloseTo(1, 12); // values 20, 21, 22, 23
    expect(result).toMatchObject({ pValue: null, significant: false, assessment: 'not_assessed', points: 4 });
    expect(result.reason).toMatch(/dispersion/);
  });

  it('reads the direction through the polarity', () => {
    const rising = series([2019, 2020, 2021, 2022, 2023], [100, 120, 140, 160, 180], [1000, 1000, 1000, 1000, 1000]);
    expect(trend(rising, 'proportion', { polarity: 'higher_worse' }).assessment).toBe('worsening');
    expect(trend(rising, 'proportion', { polarity: 'higher_better' }).assessment).toBe('improving');
    expect(trend(rising, 'proportion', { polarity: 'neither' }).assessment).toBe('increasing');
  });

  it('does not test two points with the same year', () => {
    const result = trend(series([2020, 2020, 2021], [1, 2, 3], [10, 10, 10]), 'proportion');
    expect(result).toMatchObject({ pValue: null, assessment: 'not_assessed' });
    expect(result.reason).toMatch(/same year/);
  });
});
