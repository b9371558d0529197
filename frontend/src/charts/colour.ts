import type { Polarity } from '../api/types';

/** Fill for territories without a value: a neutral grey, unlike any class colour below. */
export const NO_DATA_FILL = '#e0e0e0';
export const NO_DATA_STROKE = '#9e9e9e';

// ColorBrewer Blues and OrRd without their palest step, so that no class can be taken for "nessun dato".
const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const REDS = ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];

/**
 * Colours for `count` classes ordered from the lowest values up. Red means "more critical" whichever way
 * the indicator points; descriptive indicators get a neutral blue.
 */
export function classColours(polarity: Polarity, count: number): string[] {
  const palette = polarity === 'neither' ? BLUES : REDS;
  const picked =
    count <= 1 ? [palette[2]!] : Array.from({ length: count }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (count - 1))]!);
  return polarity === 'higher_better' ? picked.reverse() : picked;
}
