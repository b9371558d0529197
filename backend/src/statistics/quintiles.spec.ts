import { describe, expect, it } from 'vitest';
import { quintiles } from './quintiles.js';

describe('quintiles', () => {
  it('puts N distinct values (N a multiple of 5) in five groups of N/5 by rank, whatever their order', () => {
    const values = [7, 3, 9, 1, 10, 4, 2, 8, 6, 5, 15, 11, 14, 12, 13];
    // by position in the sorted list: 1-3 → 1, 4-6 → 2, 7-9 → 3, 10-12 → 4, 13-15 → 5
    const byPosition = (v: number) => Math.floor((v - 1) / 3) + 1;
    expect(quintiles(values)).toEqual(values.map(byPosition));
  });

  it('follows the OHID rank formula for 7 values: 1, 1, 2, 3, 3, 4, 5', () => {
    // ranks r = 1..7, ⌈(8 − r) / 1.4⌉ = 5, 5, 4, 3, 3, 2, 1, so 6 − that = 1, 1, 2, 3, 3, 4, 5 (worked by hand)
    expect(quintiles([0.7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])).toEqual([5, 1, 1, 2, 3, 3, 4]);
  });

  it('gives equal values the same quintile and keeps nulls null', () => {
    const result = quintiles([5, null, 1, 5, 2, 3, 5, 4, 5, 6, 7]);
    expect(result[1]).toBeNull();
    const fives = [0, 3, 6, 8].map((i) => result[i]);
    expect(new Set(fives).size).toBe(1);
    expect(quintiles([4, 4, 4, 4, 4, 4])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('assigns none with fewer than five values', () => {
    expect(quintiles([3, 1, null, 2, 9])).toEqual([null, null, null, null, null]);
    expect(quintiles([])).toEqual([]);
  });
});
