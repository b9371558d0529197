// Comparison of a value with a benchmark (the Fingertips rule): the benchmark inside the value's interval
// (limits included) is "similar"; outside it the value is significantly higher or lower, which the
// polarity turns into better or worse. A territory is never compared with itself.
import type { Comparison, Interval, Polarity } from './types.js';

export function compareWithBenchmark(input: {
  value: number | null;
  interval: Interval | null;
  benchmark: number | null;
  polarity: Polarity;
  sameTerritory: boolean;
}): Comparison {
  const { value, interval, benchmark, polarity, sameTerritory } = input;
  if (sameTerritory || value === null || interval === null || benchmark === null) return 'not_compared';
  if (![value, interval.lower, interval.upper, benchmark].every(Number.isFinite)) return 'not_compared';
  if (benchmark >= interval.lower && benchmark <= interval.upper) return 'similar';
  const higher = benchmark < interval.lower;
  switch (polarity) {
    case 'higher_worse':
      return higher ? 'worse' : 'better';
    case 'higher_better':
      return higher ? 'better' : 'worse';
    case 'neither':
      return higher ? 'higher' : 'lower';
  }
}
