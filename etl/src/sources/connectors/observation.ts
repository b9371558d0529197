import type { Sex } from '../descriptor.js';

/** One published value: comune × year × variable × sex × age band, with where it was read. */
export interface ObservationRecord {
  /** The comune code as published, normalised to 6 digits; it may be a suppressed comune's code. */
  readonly code: string;
  readonly year: number;
  readonly variable: string;
  readonly sex: Sex;
  /** 'TOT', 'Y<age>', 'Y<from>-<to>' or 'Y<from>-' (open ended). */
  readonly ageBand: string;
  readonly value: number;
  readonly file: string;
  readonly line: number;
  readonly codeColumn: number;
  readonly valueColumn: number;
}

export function observationKey(o: Pick<ObservationRecord, 'code' | 'year' | 'variable' | 'sex' | 'ageBand'>): string {
  return `${o.code}|${o.year}|${o.variable}|${o.sex}|${o.ageBand}`;
}

export function describeObservation(o: Pick<ObservationRecord, 'code' | 'year' | 'variable' | 'sex' | 'ageBand'>): string {
  return `${o.variable} ${o.sex} ${o.ageBand} ${o.year} of comune ${o.code}`;
}

export const ONE_VALUE_PER_KEY = 'one value per comune, year, variable, sex and age band';
