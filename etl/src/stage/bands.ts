/** Age bands as written in descriptors and catalogues, and the age range each covers. */
import { OPEN_AGE } from '../catalog/age-bands.js';

/** 'TOT' → [0, null]; 'Y5' → [5, 5]; 'Y0-11' → [0, 11]; 'Y12-' → [12, null]; 'Y100' → [100, null]. */
export function bandRange(band: string): [from: number, to: number | null] {
  if (band === 'TOT') return [0, null];
  const match = /^Y(\d+)(-(\d*))?$/.exec(band);
  if (!match) throw new Error(`"${band}" is not an age band; expected 'TOT', 'Y<age>', 'Y<from>-<to>' or 'Y<from>-'`);
  const from = Number(match[1]);
  if (match[2] === undefined) return [from, from >= OPEN_AGE ? null : from];
  return [from, match[3] === '' ? null : Number(match[3])];
}
