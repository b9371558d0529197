/** How one territory's value follows from the sums over its comuni. */
export interface PartSums {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly comuniWithData: number;
  readonly comuniTotal: number;
}

/**
 * Σnumerator ÷ Σdenominator × multiplier over the comuni with data (never an average of ratios). A plain
 * count is Σnumerator, and only when every comune has data: a partial sum is not the total.
 */
export function aggregateValue(sums: PartSums, indicator: { readonly multiplier: number; readonly plainCount: boolean }): number | null {
  if (sums.comuniWithData === 0 || sums.numerator === null) return null;
  if (indicator.plainCount) return sums.comuniWithData === sums.comuniTotal ? sums.numerator : null;
  if (sums.denominator === null || sums.denominator === 0) return null;
  return (sums.numerator / sums.denominator) * indicator.multiplier;
}
