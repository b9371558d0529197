// Spread of peer values for a spine chart: min, quartiles and max. Quartiles are the "type 7" sample
// quantiles (R's default, Excel's QUARTILE.INC): with the n values sorted, Q(p) interpolates linearly
// at position h = (n − 1)·p between the values at ⌊h⌋ and ⌊h⌋ + 1 (positions from 0).
import type { Spread } from './types.js';

export function spread(values: readonly (number | null)[]): Spread | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    min: sorted[0]!,
    q1: quantileType7(sorted, 0.25),
    median: quantileType7(sorted, 0.5),
    q3: quantileType7(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    n: sorted.length,
  };
}

/** Type 7 quantile of values already sorted ascending (at least one). */
export function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}
