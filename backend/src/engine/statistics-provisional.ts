/**
 * PROVISIONAL stand-in for backend/src/statistics (contract: the stats and engine briefs), used only until
 * that module lands on main; then statistics.ts re-exports it and this file goes. Same signatures.
 */
export type CiMethod = 'proportion' | 'rate' | 'ratio' | 'mean' | 'none';
export type ConfidenceLevel = 0.95 | 0.998;
export type Polarity = 'higher_worse' | 'higher_better' | 'neither';
export interface Interval { lower: number; upper: number; level: ConfidenceLevel; method: string }
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';
export interface TrendPoint { year: number; numerator: number; denominator: number | null }
export interface TrendResult {
  points: number;
  direction: 'increasing' | 'decreasing' | 'no_change' | 'not_enough_points';
  significant: boolean;
  pValue: number | null;
  slopePerYear: number | null;
  assessment: 'improving' | 'worsening' | 'no_change' | 'increasing' | 'decreasing' | 'not_assessed';
  method: string;
}

const Z: Record<ConfidenceLevel, number> = { 0.95: 1.959963984540054, 0.998: 3.090232306167813 };

export function confidenceInterval(input: { method: CiMethod; numerator: number; denominator: number | null; multiplier: number; level: ConfidenceLevel }): { interval: Interval | null; reason?: string } {
  const { method, numerator: o, denominator: d, multiplier: m, level } = input;
  if (method === 'none') return { interval: null, reason: 'no interval for this indicator' };
  if (d === null || d <= 0) return { interval: null, reason: 'no denominator' };
  const z = Z[level];
  if (method === 'proportion') {
    const p = o / d;
    const centre = (p + (z * z) / (2 * d)) / (1 + (z * z) / d);
    const half = (z / (1 + (z * z) / d)) * Math.sqrt((p * (1 - p)) / d + (z * z) / (4 * d * d));
    return { interval: { lower: Math.max(0, centre - half) * m, upper: Math.min(1, centre + half) * m, level, method: 'Wilson score' } };
  }
  if (method === 'rate') {
    const lower = o === 0 ? 0 : o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3;
    const upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * Math.sqrt(o + 1))) ** 3;
    return { interval: { lower: (lower / d) * m, upper: (upper / d) * m, level, method: "Byar's" } };
  }
  return { interval: null, reason: `no provisional method for ${method}` };
}

export function compareWithBenchmark(input: { value: number | null; interval: Interval | null; benchmark: number | null; polarity: Polarity; sameTerritory: boolean }): Comparison {
  const { value, interval, benchmark, polarity, sameTerritory } = input;
  if (sameTerritory || value === null || interval === null || benchmark === null) return 'not_compared';
  if (benchmark >= interval.lower && benchmark <= interval.upper) return 'similar';
  const higher = interval.lower > benchmark;
  if (polarity === 'neither') return higher ? 'higher' : 'lower';
  return higher === (polarity === 'higher_better') ? 'better' : 'worse';
}

export function quintiles(values: readonly (number | null)[]): (1 | 2 | 3 | 4 | 5 | null)[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return values.map((v) => {
    if (v === null) return null;
    const below = lowerBound(present, v);
    return (Math.min(5, Math.floor((below * 5) / present.length) + 1)) as 1 | 2 | 3 | 4 | 5;
  });
}

export function spread(values: readonly (number | null)[]): { min: number; q1: number; median: number; q3: number; max: number; n: number } | null {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const q = (p: number) => {
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    return xs[lo]! + (h - lo) * ((xs[Math.min(lo + 1, xs.length - 1)] ?? xs[lo]!) - xs[lo]!);
  };
  return { min: xs[0]!, q1: q(0.25), median: q(0.5), q3: q(0.75), max: xs.at(-1)!, n: xs.length };
}

export function recentTrend(input: { points: readonly TrendPoint[]; method: CiMethod; multiplier: number; polarity: Polarity; level: ConfidenceLevel }): TrendResult {
  const method = 'weighted least squares on the last 5 points (provisional)';
  const usable = input.points.filter((p) => p.denominator !== null && p.denominator > 0).slice(-5);
  if (usable.length < 3 || (input.method !== 'proportion' && input.method !== 'rate')) {
    return { points: usable.length, direction: 'not_enough_points', significant: false, pValue: null, slopePerYear: null, assessment: 'not_assessed', method };
  }
  let sw = 0, sx = 0, sy = 0;
  const rows = usable.map((p) => {
    const y = p.numerator / p.denominator!;
    const variance = input.method === 'proportion' ? Math.max(y * (1 - y), 1e-12) / p.denominator! : Math.max(p.numerator, 0.5) / p.denominator! ** 2;
    return { x: p.year, y, w: 1 / variance };
  });
  for (const r of rows) { sw += r.w; sx += r.w * r.x; sy += r.w * r.y; }
  const mx = sx / sw, my = sy / sw;
  let sxx = 0, sxy = 0;
  for (const r of rows) { sxx += r.w * (r.x - mx) ** 2; sxy += r.w * (r.x - mx) * (r.y - my); }
  const slope = sxy / sxx;
  const pValue = 2 * (1 - normalCdf(Math.abs(slope / Math.sqrt(1 / sxx))));
  const significant = pValue < 1 - input.level;
  const direction = !significant ? 'no_change' : slope > 0 ? 'increasing' : 'decreasing';
  const assessment = direction === 'no_change' ? 'no_change'
    : input.polarity === 'neither' ? direction
    : (direction === 'increasing') === (input.polarity === 'higher_better') ? 'improving' : 'worsening';
  return { points: usable.length, direction, significant, pValue, slopePerYear: slope * input.multiplier, assessment, method };
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! < v) lo = mid + 1; else hi = mid; }
  return lo;
}

function normalCdf(x: number): number {
  // Abramowitz–Stegun 26.2.17
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}
