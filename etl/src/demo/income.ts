/**
 * The demo's IRPEF returns of one comune and tax year, as MEF publishes them by comune: taxpayers a
 * share (70-80%) of the adult residents, their total income spread over MEF's income classes by a
 * lognormal distribution around the comune's mean (about 25% of taxpayers under 10,000 euro, as in
 * Lombardy), taxable income a little below total income. Counts are whole, amounts in euro and cents.
 */
import { allocate, clamp } from './allocate.js';
import { adults, type AgeSex } from './population.js';
import type { ComuneProfile } from './profile.js';

/** MEF's classes of total income, as its column names give them (euro). */
export const INCOME_CLASSES = [
  { label: 'da 0 a 10000 euro', from: 0, to: 10_000 },
  { label: 'da 10000 a 15000 euro', from: 10_000, to: 15_000 },
  { label: 'da 15000 a 26000 euro', from: 15_000, to: 26_000 },
  { label: 'da 26000 a 55000 euro', from: 26_000, to: 55_000 },
  { label: 'da 55000 a 75000 euro', from: 55_000, to: 75_000 },
  { label: 'da 75000 a 120000 euro', from: 75_000, to: 120_000 },
  { label: 'oltre 120000 euro', from: 120_000, to: Infinity },
] as const;

export interface IncomeClass {
  readonly label: string;
  readonly taxpayers: number;
  readonly euro: number;
}

export interface IrpefReturns {
  readonly taxYear: number;
  readonly taxpayers: number;
  readonly taxableTaxpayers: number;
  readonly taxableEuro: number;
  /** Total income zero or less (losses). */
  readonly zeroOrLess: IncomeClass;
  readonly classes: readonly IncomeClass[];
}

/** The returns for `taxYear`, from the residents on 1 January of the year after. */
export function irpefReturns(p: ComuneProfile, residents: AgeSex, taxYear: number): IrpefReturns {
  const yearNoise = (purpose: string) => p.noise(`${purpose}:${taxYear}`);
  const filingShare = clamp(0.75 + 0.035 * p.noise('irpef-share') + 0.004 * yearNoise('irpef-share'), 0.7, 0.8);
  const taxpayers = Math.round(adults(residents) * filingShare);
  const meanIncome = (19_500 + 4_500 * p.suburb + 3_000 * p.size - 1_500 * p.hill + 1_500 * p.noise('income')) * 1.02 ** (taxYear - 2018) * (1 + 0.005 * yearNoise('income'));
  const sigma = 0.75 + 0.05 * p.noise('income-spread');
  const mu = Math.log(meanIncome) - (sigma * sigma) / 2;
  const zeroShare = 0.008 + 0.003 * p.noise('income-losses');
  const shares = INCOME_CLASSES.map((c) => (1 - zeroShare) * (cdf(c.to, mu, sigma) - cdf(c.from, mu, sigma)));
  const counts = allocate(taxpayers, [zeroShare, ...shares]);
  const classes = INCOME_CLASSES.map((c, i) => {
    const n = counts[i + 1]!;
    // Mean income within the class, from the lognormal's partial expectation.
    const within = (Math.exp(mu + (sigma * sigma) / 2) * (cdf(c.to, mu + sigma * sigma, sigma) - cdf(c.from, mu + sigma * sigma, sigma))) / (cdf(c.to, mu, sigma) - cdf(c.from, mu, sigma));
    return { label: c.label, taxpayers: n, euro: cents(n * within) };
  });
  const zeroOrLess = { label: 'minore o uguale a zero euro', taxpayers: counts[0]!, euro: cents(-counts[0]! * (800 + 600 * yearNoise('losses'))) };
  // A few low incomes have nothing taxable left after deductions.
  const taxableTaxpayers = taxpayers - zeroOrLess.taxpayers - Math.round(0.03 * classes[0]!.taxpayers);
  const taxableEuro = cents(classes.reduce((s, c) => s + c.euro, 0) * (0.94 + 0.01 * p.noise('deductions')));
  return { taxYear, taxpayers, taxableTaxpayers, taxableEuro, zeroOrLess, classes };
}

const cents = (euro: number) => Math.round(euro * 100) / 100;

/** P(X ≤ x) for a lognormal X of parameters mu, sigma. */
function cdf(x: number, mu: number, sigma: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return 0.5 * (1 + erf((Math.log(x) - mu) / (sigma * Math.SQRT2)));
}

/** The error function (Abramowitz and Stegun 7.1.26, error under 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
