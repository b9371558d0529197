import type { RankedRow } from './ranking';

export type SortKey = 'rank' | 'code' | 'name' | 'numerator' | 'denominator' | 'value' | 'coverage';
export type SortDirection = 'ascending' | 'descending';

function sortValue(row: RankedRow, key: SortKey): number | string | null {
  switch (key) {
    case 'coverage':
      return row.comuniTotal > 0 ? row.comuniWithData / row.comuniTotal : null;
    case 'rank':
      return row.rank;
    default:
      return row[key];
  }
}

const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });

/** Sorted copy; rows with nothing to sort on stay at the bottom in either direction. */
export function sortRows(rows: readonly RankedRow[], key: SortKey, direction: SortDirection): RankedRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
    return order * sign;
  });
}
