import type { Lang } from '../api/types';
import { formatValue } from '../i18n';

export const CLASS_COUNT = 5;

export interface Classes {
  /** A value v is in class i when breaks[i-1] <= v < breaks[i]. */
  breaks: number[];
  /** Each class as "min – max" of the values it holds, in the UI language. */
  labels: string[];
}

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (h - lo);
}

function rangeLabel(sortedValues: readonly number[], decimals: number, lang: Lang): string {
  const [min, max] = [formatValue(sortedValues[0]!, decimals, lang), formatValue(sortedValues.at(-1)!, decimals, lang)];
  return min === max ? min : `${min} – ${max}`;
}

export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

/**
 * Quintile classes (each holds about a fifth of the territories, so one large town cannot wash out the
 * rest); fewer when values repeat, since empty classes are dropped.
 */
export function quantileClasses(values: readonly number[], decimals: number, lang: Lang, count = CLASS_COUNT): Classes {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const candidates = [...new Set(Array.from({ length: count - 1 }, (_, i) => quantile(sorted, (i + 1) / count)))];
  const members = new Map<number, number[]>();
  for (const value of sorted) {
    const i = classIndex(value, candidates);
    if (!members.has(i)) members.set(i, []);
    members.get(i)!.push(value);
  }
  const breaks: number[] = [];
  const labels: string[] = [];
  let current: number[] = [];
  for (const [i, held] of members) {
    // A class that prints the same as the one below at the indicator's precision would look like it: merge.
    if (current.length > 0 && rangeLabel([...current, ...held], decimals, lang) === labels.at(-1)) {
      current = [...current, ...held];
      continue;
    }
    if (current.length > 0) breaks.push(candidates[i - 1]!);
    labels.push(rangeLabel(held, decimals, lang));
    current = held;
  }
  return { breaks, labels };
}
