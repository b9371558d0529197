import type { Lang } from '../api/types';
import { formatValue } from '../i18n';
import { MAX_SIDE_CLASSES } from './colour';

export const CLASS_COUNT = 5;
/** Classes on each side of zero when the scale diverges. */
export const SIDE_CLASS_COUNT = 3; // at most MAX_SIDE_CLASSES

export interface Classes {
  /** A value v is in class i when breaks[i-1] <= v < breaks[i]. */
  breaks: number[];
  /** Each class as "min – max" of the values it holds, in the UI language. */
  labels: string[];
  /** With values below zero the scale diverges at zero: how many classes lie below it. null: one-hue scale. */
  belowZero: number | null;
  /** The first class holds zero alone (e.g. "nessuna carenza": no unit missing), in a colour of its own. */
  zeroClass?: boolean;
}

/** The value as printed with `decimals` (half away from zero, as Intl rounds), so classes follow what users read. */
function printedValue(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded; // no "-0"
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (h - lo);
}

export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

/** Sorted printed values split at their quantiles into at most `count` non-empty groups; equal values never split. */
function quantileGroups(sorted: readonly number[], count: number): number[][] {
  if (sorted.length === 0) return [];
  const candidates = [...new Set(Array.from({ length: count - 1 }, (_, i) => quantile(sorted, (i + 1) / count)))];
  const groups = new Map<number, number[]>();
  for (const value of sorted) {
    const i = classIndex(value, candidates);
    if (!groups.has(i)) groups.set(i, []);
    groups.get(i)!.push(value);
  }
  return [...groups.values()];
}

/**
 * Quintile classes (each holds about a fifth of the territories, so one large town cannot wash out the
 * rest), fewer when values repeat. Values are classed as printed at the indicator's precision, so one
 * printed value is never in two classes. With values below zero, zero is always a break and each side
 * gets its own classes (a diverging scale centred on zero).
 */
export function quantileClasses(values: readonly number[], decimals: number, lang: Lang, count = CLASS_COUNT): Classes {
  const sorted = values
    .filter(Number.isFinite)
    .map((value) => printedValue(value, decimals))
    .sort((a, b) => a - b);
  const below = sorted.filter((value) => value < 0);
  const diverging = below.length > 0;
  const rest = sorted.slice(below.length);
  // With every value below zero the scale is the lower side alone, with as many classes as it has colours.
  const belowGroups = diverging ? quantileGroups(below, rest.length > 0 ? SIDE_CLASS_COUNT : Math.min(count, MAX_SIDE_CLASSES)) : [];
  const groups = [...belowGroups, ...quantileGroups(rest, diverging ? SIDE_CLASS_COUNT : count)];
  const label = (group: readonly number[]) => {
    const [min, max] = [formatValue(group[0]!, decimals, lang), formatValue(group.at(-1)!, decimals, lang)];
    return min === max ? min : `${min} – ${max}`;
  };
  return {
    // Halfway between printed values: any value lands in the class of the value it prints as.
    breaks: groups.slice(1).map((group, i) => (groups[i]!.at(-1)! + group[0]!) / 2),
    labels: groups.map(label),
    belowZero: diverging ? belowGroups.length : null,
  };
}

/**
 * Zero in a class of its own labelled `zeroLabel`, the values above it in quantile classes as above: a
 * comune with nothing missing must not share a colour with one that misses a few units. For counts that
 * cannot be negative; with a value below zero, the plain quantile classes.
 */
export function zeroAndQuantileClasses(values: readonly number[], decimals: number, lang: Lang, zeroLabel: string): Classes {
  const printed = values.filter(Number.isFinite).map((value) => printedValue(value, decimals));
  if (!printed.includes(0) || printed.some((value) => value < 0)) return quantileClasses(values, decimals, lang);
  const above = quantileClasses(printed.filter((value) => value > 0), decimals, lang, CLASS_COUNT - 1);
  // Half the smallest printed step: every value printed as zero falls below it, every other value above.
  const zeroBreak = 10 ** -decimals / 2;
  return { breaks: above.labels.length > 0 ? [zeroBreak, ...above.breaks] : [], labels: [zeroLabel, ...above.labels], belowZero: null, zeroClass: true };
}
