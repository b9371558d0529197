import type { ValueRow } from '../api/types';

export interface RankedRow extends ValueRow {
  /** 1 = highest value; ties share a rank (1, 2, 2, 4); null when there is no value. */
  rank: number | null;
}

export function hasValue<R extends ValueRow>(row: R): row is R & { value: number } {
  return row.value !== null && Number.isFinite(row.value);
}

/** Rows from the highest value to the lowest, rows without a value last in their original order. */
export function rankByValue(rows: readonly ValueRow[]): RankedRow[] {
  const withValue = rows.filter(hasValue).sort((a, b) => b.value - a.value);
  const ranked: RankedRow[] = withValue.map((row, index) => ({ ...row, rank: index + 1 }));
  for (let i = 1; i < ranked.length; i++) {
    if (ranked[i]!.value === ranked[i - 1]!.value) ranked[i]!.rank = ranked[i - 1]!.rank;
  }
  return [...ranked, ...rows.filter((row) => !hasValue(row)).map((row) => ({ ...row, rank: null }))];
}
