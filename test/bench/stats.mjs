/** Small helpers the benchmarks share: quantiles, medians, timing, ratios. */
import { readFileSync } from 'node:fs';
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

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux; null elsewhere): all its
 * threads, or with `mainThread` only the one that runs JavaScript. Per request, it is less moved by other
 * work on a shared machine than wall-clock rates are.
 */
export function cpuMsOf(pid, { mainThread = false } = {}) {
  try {
    const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;
