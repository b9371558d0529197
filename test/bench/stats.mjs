/** Small helpers the benchmarks share: quantiles, medians, timing, ratios. */
import { loadavg } from 'node:os';

export function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export const median = (xs) => quantile(xs, 0.5);

export async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);

/** The 1-minute load average of the machine, shared with other work: the noise a figure was taken in. */
export const load1 = () => Math.round(loadavg()[0] * 100) / 100;
