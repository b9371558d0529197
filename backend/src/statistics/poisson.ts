// Confidence limits for a Poisson count O, as the Fingertips technical guidance ("Rates") prescribes:
// - O ≥ 10: Byar's approximation (Breslow & Day 1987), within 0.2% of the exact limits at 95%:
//     O_lower = O·(1 − 1/(9O) − z/(3√O))³,  O_upper = (O+1)·(1 − 1/(9(O+1)) + z/(3√(O+1)))³;
// - O < 10: the exact (Garwood) limits through the Poisson–chi-squared relation (Armitage & Berry):
//     O_lower = χ²(α/2; 2O)/2 (0 when O = 0),  O_upper = χ²(1 − α/2; 2O + 2)/2.
import { chiSquaredQuantile } from './chi-squared.js';

export const EXACT_POISSON_BELOW = 10;

export function byarLimits(observed: number, z: number): { lower: number; upper: number } {
  const next = observed + 1;
  return {
    lower: observed * Math.pow(1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed)), 3),
    upper: next * Math.pow(1 - 1 / (9 * next) + z / (3 * Math.sqrt(next)), 3),
  };
}

export function exactPoissonLimits(observed: number, alpha: number): { lower: number; upper: number } {
  return {
    lower: observed === 0 ? 0 : chiSquaredQuantile(alpha / 2, 2 * observed) / 2,
    upper: chiSquaredQuantile(1 - alpha / 2, 2 * observed + 2) / 2,
  };
}

// Only ten counts per level take the exact limits: each is solved once (a national profile asks for
// hundreds of thousands of intervals, and a chi-squared quantile costs dozens of gamma evaluations).
const exactTables = new Map<number, { lower: number; upper: number }[]>();

function exactLimitsOnce(observed: number, level: number): { lower: number; upper: number } {
  let table = exactTables.get(level);
  if (!table) {
    table = [];
    exactTables.set(level, table);
  }
  return (table[observed] ??= exactPoissonLimits(observed, 1 - level));
}

/** Byar's limits from 10 events up, exact below; `exact` says which was used. `observed` is a whole count. */
export function poissonCountLimits(observed: number, level: number, z: number): { lower: number; upper: number; exact: boolean } {
  if (observed >= EXACT_POISSON_BELOW) {
    const { lower, upper } = byarLimits(observed, z);
    return { lower, upper, exact: false };
  }
  const { lower, upper } = exactLimitsOnce(observed, level);
  return { lower, upper, exact: true };
}
