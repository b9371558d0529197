import type { IndicatorValues } from '../api/types';

/**
 * A plain count (denominator null in the catalogue) has no denominator anywhere. Its parent's value is
 * then the total of the territories, not a reference level to compare each of them with.
 */
export function isCount({ rows, benchmark }: Pick<IndicatorValues, 'rows' | 'benchmark'>): boolean {
  return [...rows, ...(benchmark ? [benchmark] : [])].every((row) => row.denominator === null);
}
