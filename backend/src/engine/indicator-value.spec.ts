import { describe, expect, it } from 'vitest';
import type { EngineIndicator } from './engine-indicator.js';
import { comparison, indicatorValue } from './indicator-value.js';
import type { SumsRow } from './sums.repository.js';

const SHOWN = { numerator: false, denominator: false };
const HIDDEN = { numerator: true, denominator: false };

const proportion: EngineIndicator = { code: 'P', multiplier: 100, plainCount: false, ciMethod: 'proportion', polarity: 'higher_worse', minDenominator: 100, target: null, decimals: 1, unit: { it: '%', en: '%' }, years: [2024] };
const row = (numerator: number | null, denominator: number | null, code = 'A', withData = 1): SumsRow => ({ code, name: code, level: 'comune', is_row: true, benchmark_code: null, indicator_code: 'P', year: 2024, numerator, denominator, comuni_with_data: withData, comuni_total: 1, synthetic: false });

/** Wilson score interval, written out here from its definition (Newcombe 1998, method 3). */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const a = 2 * n * p + z * z;
  const b = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const c = 2 * (n + z * z);
  return [((a - b) / c) * 100, ((a + b) / c) * 100];
}

describe('indicatorValue', () => {
  it('gives the value with its 95% and 99.8% intervals', () => {
    const v = indicatorValue(row(13, 66), proportion, SHOWN);
    expect(v.value).toBeCloseTo((13 / 66) * 100, 12);
    const [lo95, hi95] = wilson(13, 66, 1.959963984540054);
    expect(v.ci95!.lower).toBeCloseTo(lo95, 9);
    expect(v.ci95!.upper).toBeCloseTo(hi95, 9);
    const [lo998, hi998] = wilson(13, 66, 3.090232306167813);
    expect(v.ci998!.lower).toBeCloseTo(lo998, 9);
    expect(v.ci998!.upper).toBeCloseTo(hi998, 9);
  });

  it("flags a denominator under the indicator's minimum (13 children out of 66 residents)", () => {
    expect(indicatorValue(row(13, 66), proportion, SHOWN).smallNumber).toBe(true);
    expect(indicatorValue(row(13, 100), proportion, SHOWN).smallNumber).toBe(false);
    expect(indicatorValue(row(null, null, 'A', 0), proportion, SHOWN).smallNumber).toBe(false);
  });

  it('blanks numerator, value and intervals of a suppressed cell, and keeps the denominator', () => {
    const v = indicatorValue(row(3, 500), proportion, HIDDEN);
    expect(v).toMatchObject({ numerator: null, value: null, ci95: null, ci998: null, suppressed: true, denominator: 500 });
  });
});

describe('comparison', () => {
  const benchmark = (value: number) => ({ ...indicatorValue(row(Math.round(value * 10), 1000, 'B'), proportion, SHOWN) });
  it('reads the interval through the polarity and never compares a territory with itself', () => {
    const high = indicatorValue(row(60, 200), proportion, SHOWN); // 30%, 95% CI about 24-37%
    expect(comparison(high, benchmark(10), proportion)).toBe('worse');
    expect(comparison(high, benchmark(30), proportion)).toBe('similar');
    expect(comparison(high, benchmark(50), proportion)).toBe('better');
    expect(comparison(high, benchmark(10), { ...proportion, polarity: 'neither' })).toBe('higher');
    expect(comparison(high, { ...high }, proportion)).toBe('not_compared');
    expect(comparison(high, null, proportion)).toBe('not_compared');
    expect(comparison(indicatorValue(row(3, 200), proportion, HIDDEN), benchmark(10), proportion)).toBe('not_compared');
  });
});
