import { describe, expect, it } from 'vitest';
import { compareWithBenchmark } from './comparison.js';
import type { Interval, Polarity } from './types.js';

const interval: Interval = { lower: 18, upper: 26, level: 0.95, method: 'Wilson score' };
const compare = (benchmark: number | null, polarity: Polarity, extra: Partial<Parameters<typeof compareWithBenchmark>[0]> = {}) =>
  compareWithBenchmark({ value: 22, interval, benchmark, polarity, sameTerritory: false, ...extra });

describe('compareWithBenchmark', () => {
  it('is similar when the benchmark lies inside the interval, limits included', () => {
    for (const polarity of ['higher_worse', 'higher_better', 'neither'] as const) {
      for (const benchmark of [18, 20, 26]) expect(compare(benchmark, polarity)).toBe('similar');
    }
  });

  it('reads a value significantly above the benchmark through the polarity', () => {
    expect(compare(17.9, 'higher_worse')).toBe('worse');
    expect(compare(17.9, 'higher_better')).toBe('better');
    expect(compare(17.9, 'neither')).toBe('higher');
  });

  it('reads a value significantly below the benchmark through the polarity', () => {
    expect(compare(26.1, 'higher_worse')).toBe('better');
    expect(compare(26.1, 'higher_better')).toBe('worse');
    expect(compare(26.1, 'neither')).toBe('lower');
  });

  it('never compares a territory with itself, nor without a value, an interval or a benchmark', () => {
    expect(compare(10, 'higher_worse', { sameTerritory: true })).toBe('not_compared');
    expect(compare(null, 'higher_worse')).toBe('not_compared');
    expect(compare(10, 'higher_worse', { value: null })).toBe('not_compared');
    expect(compare(10, 'higher_worse', { interval: null })).toBe('not_compared');
    expect(compare(Number.NaN, 'neither')).toBe('not_compared');
  });
});
