import type { Polarity } from '../api/types';

/** Fill for territories without a value: a neutral grey, unlike any class colour below. */
export const NO_DATA_FILL = '#e0e0e0';
export const NO_DATA_STROKE = '#9e9e9e';
/** Fill for a class of zero alone ("nessuna carenza"): the pale blue of RdBu, apart from the greys and the reds. */
export const ZERO_CLASS_FILL = '#92c5de';

// ColorBrewer Blues and OrRd without their palest step, so that no class can be taken for "nessun dato".
const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const REDS = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

// Diverging ColorBrewer schemes marked colour-blind safe (PuOr for descriptive indicators, RdBu with red
// on the critical side), each side from its far end towards zero, without the near-white centre.
const SIDE_COLOURS = {
  orange: ['#7f3b08', '#b35806', '#e08214', '#fdb863'],
  purple: ['#2d004b', '#542788', '#8073ac', '#b2abd2'],
  red: ['#67001f', '#b2182b', '#d6604d', '#f4a582'],
  blue: ['#053061', '#2166ac', '#4393c3', '#92c5de'],
};
export const MAX_SIDE_CLASSES = SIDE_COLOURS.red.length;
const DIVERGING: Record<Polarity, { below: string[]; above: string[] }> = {
  neither: { below: SIDE_COLOURS.orange, above: SIDE_COLOURS.purple },
  higher_worse: { below: SIDE_COLOURS.blue, above: SIDE_COLOURS.red },
  higher_better: { below: SIDE_COLOURS.red, above: SIDE_COLOURS.blue },
};

function spread(palette: readonly string[], count: number): string[] {
  if (count <= 1) return [palette[Math.floor(palette.length / 2)]!];
  return Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))]!);
}

/** Lightest next to zero on both sides, so that the colour says how far from zero a value lies. */
function divergingColours(polarity: Polarity, count: number, belowZero: number): string[] {
  const { below, above } = DIVERGING[polarity];
  // The classes nearest zero take the palest colours of their side.
  return [...below.slice(below.length - belowZero), ...[...above].reverse().slice(0, count - belowZero)];
}

/**
 * Colours for `count` classes ordered from the lowest values up. Red means "more critical" whichever way
 * the indicator points; descriptive indicators get a neutral blue. With `belowZero` (classes under zero
 * on a diverging scale), two hues meet at zero. With `zeroClass`, the first class (zero alone) has a
 * colour of its own.
 */
export function classColours(polarity: Polarity, count: number, belowZero: number | null = null, zeroClass = false): string[] {
  if (zeroClass) return [ZERO_CLASS_FILL, ...(count > 1 ? classColours(polarity, count - 1) : [])];
  if (belowZero !== null && belowZero > 0) return divergingColours(polarity, count, belowZero);
  const palette = polarity === 'neither' ? BLUES : REDS;
  const picked = spread(palette, count);
  return polarity === 'higher_better' ? picked.reverse() : picked;
}
