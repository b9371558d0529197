/**
 * Small pieces of the Provincia di Pavia's territorial history (DOMAIN.md, Territory), as the model
 * receives them from the sources, for the specs of etl/src/model.
 */
import type { ComuneValidityInput, SuppressedInput } from '../input.js';

/** One row of ISTAT's list of suppressed comuni. */
export function suppression(code: string, name: string, date: string, newCode: string, split = false): SuppressedInput {
  return { code, name, date, newCode, split };
}

/** Canevino, Ruino and Valverde merged into Colli Verdi on 2019-01-01. */
export const COLLI_VERDI_MERGER: readonly SuppressedInput[] = [
  suppression('018028', 'Canevino', '2019-01-01', '018193'),
  suppression('018132', 'Ruino', '2019-01-01', '018193'),
  suppression('018170', 'Valverde', '2019-01-01', '018193'),
];

/** Albaredo Arnaboldi incorporated into Campospinoso (renamed Campospinoso Albaredo) on 2023-11-18. */
export const ALBAREDO_INCORPORATION: SuppressedInput = suppression('018002', 'Albaredo Arnaboldi', '2023-11-18', '018026');

/** Comuni valid today in these fixtures: Campospinoso Albaredo, Pavia, Vigevano, Colli Verdi. */
export const CURRENT_CODES: ReadonlySet<string> = new Set(['018026', '018110', '018177', '018193']);

/** One period of validity of a comune code (gi_comuni_validita). */
export function validity(code: string, name: string, validFrom: string, validTo: string | null = null, cadastral: string | null = null): ComuneValidityInput {
  return { code, name, validFrom, validTo, cadastral };
}
