import { describe, expect, it } from 'vitest';
import { valueRow } from '../test/fixtures';
import { rankByValue } from './ranking';

describe('rankByValue', () => {
  it('ranks from the highest value, ties sharing a rank, rows without value last', () => {
    const ranked = rankByValue([
      valueRow({ code: 'a', name: 'A', value: 5 }),
      valueRow({ code: 'b', name: 'B', value: null }),
      valueRow({ code: 'c', name: 'C', value: 9 }),
      valueRow({ code: 'd', name: 'D', value: 5 }),
      valueRow({ code: 'e', name: 'E', value: 1 }),
    ]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
      ['b', null],
    ]);
  });

  it('handles no rows', () => {
    expect(rankByValue([])).toEqual([]);
  });
});
