/** Query and path parameters, checked by small pure functions that say what is allowed when they refuse. */
import { BadParameterError } from './errors.js';

/** The single value of an optional parameter; `?x=` counts as absent. */
export function optionalParam(name: string, raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw new BadParameterError(name, 'give it once, as a single value');
  return raw;
}

export function parseChoice<T extends string>(name: string, raw: unknown, allowed: readonly T[]): T | undefined {
  const value = optionalParam(name, raw);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new BadParameterError(name, `"${value}" is not allowed; use one of ${allowed.join(', ')}`);
  return value as T;
}

// Territory codes are ISTAT codes (018110, 018, 03), IT, or ambito codes chosen by the district.
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

export function parseCode(name: string, raw: unknown): string | undefined {
  const value = optionalParam(name, raw);
  if (value === undefined) return undefined;
  if (!CODE.test(value)) throw new BadParameterError(name, `"${value}" is not a territory code; use up to 40 letters, digits, '.', '_' or '-' (e.g. 018110 for a comune, 018 for a provincia)`);
  return value;
}

export function parseYear(name: string, raw: unknown): number | undefined {
  const value = optionalParam(name, raw);
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new BadParameterError(name, `"${value}" is not a year; use four digits, e.g. 2024`);
  return Number(value);
}

/** A whole number from `min` up; `?limit=10.5`, `?offset=-1` and the like are refused. */
export function parseWholeNumber(name: string, raw: unknown, min: number): number | undefined {
  const value = optionalParam(name, raw);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) throw new BadParameterError(name, `"${value}" is not allowed; use a whole number from ${min} up`);
  return Number(value);
}

/** A parameter without a default: absent is refused with an example of what to give. */
export function required<T>(name: string, value: T | undefined, example: string): T {
  if (value === undefined) throw new BadParameterError(name, `is required, e.g. ${name}=${example}`);
  return value;
}
