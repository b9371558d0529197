// Checks shared by the count-based interval methods: a binomial or Poisson model needs a whole,
// non-negative count, and every check says in words why an input cannot have an interval.
import type { NoIntervalCode } from './types.js';

export interface Refusal {
  reasonCode: NoIntervalCode;
  reason: string;
}

/** Sums of counts read as DOUBLE can carry rounding noise; anything further from a whole number is an amount. */
export function isWholeNumber(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

export function refuseCount(what: string, x: number): Refusal | null {
  if (!Number.isFinite(x)) return { reasonCode: 'not_a_number', reason: `the ${what} is not a finite number` };
  if (x < 0) return { reasonCode: 'negative_count', reason: `the ${what} is negative (${x}): a binomial or Poisson interval needs a count of zero or more` };
  if (!isWholeNumber(x)) return { reasonCode: 'not_a_count', reason: `the ${what} (${x}) is not a whole number: a binomial or Poisson interval needs a count` };
  return null;
}

export function refuseDenominator(denominator: number | null): Refusal | null {
  if (denominator === null) return { reasonCode: 'denominator_missing', reason: 'the denominator is missing' };
  if (!Number.isFinite(denominator)) return { reasonCode: 'not_a_number', reason: 'the denominator is not a finite number' };
  if (denominator === 0) return { reasonCode: 'denominator_zero', reason: 'the denominator is zero' };
  if (denominator < 0) return { reasonCode: 'negative_denominator', reason: `the denominator is negative (${denominator})` };
  return null;
}
