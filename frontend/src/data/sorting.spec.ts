import { describe, expect, it } from 'vitest';
import { valueRow } from '../test/fixtures';
import { rankByValue } from './ranking';
import { sortRows } from './sorting';

const ranked = rankByValue([
  valueRow({ code: '018010', name: 'Zinasco', value: 3 }),
  valueRow({ code: '018002', name: 'Albaredo', value: null }),
  valueRow({ code: '018110', name: 'Pavia', value: 9 }),
]);

describe('sortRows', () => {
  it('sorts names the Italian way', () => {
    expect(sortRows(ranked, 'name', 'ascending').map((r) => r.name)).toEqual(['Albaredo', 'Pavia', 'Zinasco']);
  });

  it('keeps rows without a value last in both directions', () => {
    expect(sortRows(ranked, 'value', 'ascending').map((r) => r.code)).toEqual(['018010', '018110', '018002']);
    expect(sortRows(ranked, 'value', 'descending').map((r) => r.code)).toEqual(['018110', '018010', '018002']);
  });
});
