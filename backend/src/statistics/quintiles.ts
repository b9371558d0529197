// Quintiles by rank, the OHID method of PHEindicatormethods::phe_quantile (lowest values in quintile 1):
// with N values and r the rank of a value (ties take the lowest rank, so equal values share a quintile),
//   quintile = 6 − ⌈(N + 1 − r) ÷ (N / 5)⌉, and 0 becomes 1.
// With fewer than 5 values there are no quintiles: every value gets null, as phe_quantile gives NA.
export type Quintile = 1 | 2 | 3 | 4 | 5;

export const MIN_VALUES_FOR_QUINTILES = 5;

export function quintiles(values: readonly (number | null)[]): (Quintile | null)[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = present.length;
  if (n < MIN_VALUES_FOR_QUINTILES) return values.map(() => null);
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    const rank = lowestRank(present, v);
    const q = 6 - Math.ceil((n + 1 - rank) / (n / 5));
    return Math.max(1, q) as Quintile;
  });
}

/** 1 + the number of values strictly below v, by binary search on the sorted values. */
function lowestRank(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
