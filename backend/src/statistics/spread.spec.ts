import { describe, expect, it } from 'vitest';
import { spread } from './spread.js';

/** Hyndman & Fan (1996) definition 7 written their way: j = ⌊np + m⌋, g = np + m − j with m = 1 − p, 1-based. */
function hyndmanFan7(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const m = 1 - p;
  const j = Math.floor(n * p + m);
  const g = n * p + m - j;
  const at = (k: number) => x[Math.min(Math.max(k, 1), n) - 1]!;
  return (1 - g) * at(j) + g * at(j + 1);
}

describe('spread', () => {
  it('gives R’s quantile(1:10): 1, 3.25, 5.5, 7.75, 10', () => {
    expect(spread([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ min: 1, q1: 3.25, median: 5.5, q3: 7.75, max: 10, n: 10 });
  });

  it('agrees with the Hyndman & Fan form of type 7 and ignores nulls', () => {
    const values = [12.5, 3, null, 44, 7.25, 7.25, 19, null, 0.5, 28];
    const present = values.filter((v): v is number => v !== null);
    const result = spread(values)!;
    expect(result.n).toBe(8);
    expect(result.q1).toBeCloseTo(hyndmanFan7(present, 0.25), 12);
    expect(result.median).toBeCloseTo(hyndmanFan7(present, 0.5), 12);
    expect(result.q3).toBeCloseTo(hyndmanFan7(present, 0.75), 12);
    expect([result.min, result.max]).toEqual([0.5, 44]);
  });

  it('collapses to the value for one value, and is null without values', () => {
    expect(spread([null, 4.2])).toEqual({ min: 4.2, q1: 4.2, median: 4.2, q3: 4.2, max: 4.2, n: 1 });
    expect(spread([null, null])).toBeNull();
    expect(spread([])).toBeNull();
  });
});
