/**
 * Query and path parameters, checked by small pure functions that say what is allowed when they refuse.
 * `check*` functions know no parameter name and throw a ParameterProblem; the zod schemas of
 * param-schemas.ts, which every endpoint's parameters go through, name it from the key. The two `parse*`
 * functions name it themselves and throw a BadParameterError, for `format` (read with the Accept header)
 * and the catalogue search.
 */
import { BadParameterError } from './errors.js';
import type { Text } from './i18n/language.js';

/** What is wrong with a parameter's value, in every language, and what is allowed instead. */
export class ParameterProblem extends Error {
  constructor(
    readonly problem: Text,
    readonly allowed: readonly string[] | Text | null = null,
  ) {
    super(problem.en);
  }

  named(parameter: string): BadParameterError {
    return new BadParameterError(parameter, this.problem, this.allowed);
  }
}

/** The single value of an optional parameter; `?x=` counts as absent. */
export function checkOptional(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw new ParameterProblem({ it: 'indicarlo una volta sola, come valore singolo', en: 'give it once, as a single value' });
  return raw;
}

export function checkChoice<T extends string>(raw: unknown, allowed: readonly T[]): T | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ParameterProblem({ it: `"${value}" non è ammesso; usare uno tra ${allowed.join(', ')}`, en: `"${value}" is not allowed; use one of ${allowed.join(', ')}` }, allowed);
  }
  return value as T;
}

// Territory codes are ISTAT codes (018110, 018, 03), IT, or ambito codes chosen by the district.
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;
const CODE_RULE: Text = {
  it: "fino a 40 lettere, cifre, '.', '_' o '-' (es. 018110 per un comune, 018 per una provincia)",
  en: "up to 40 letters, digits, '.', '_' or '-' (e.g. 018110 for a comune, 018 for a provincia)",
};

export function checkCode(raw: unknown): string | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  if (!CODE.test(value)) {
    throw new ParameterProblem({ it: `"${value}" non è un codice di territorio; usare ${CODE_RULE.it}`, en: `"${value}" is not a territory code; use ${CODE_RULE.en}` }, CODE_RULE);
  }
  return value;
}

const YEAR_RULE: Text = { it: 'quattro cifre, es. 2024', en: 'four digits, e.g. 2024' };

export function checkYear(raw: unknown): number | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new ParameterProblem({ it: `"${value}" non è un anno; usare ${YEAR_RULE.it}`, en: `"${value}" is not a year; use ${YEAR_RULE.en}` }, YEAR_RULE);
  return Number(value);
}

/** A whole number from `min` up; `?limit=10.5`, `?offset=-1` and the like are refused. */
export function checkWholeNumber(raw: unknown, min: number): number | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) {
    const rule: Text = { it: `un numero intero da ${min} in su`, en: `a whole number from ${min} up` };
    throw new ParameterProblem({ it: `"${value}" non è ammesso; usare ${rule.it}`, en: `"${value}" is not allowed; use ${rule.en}` }, rule);
  }
  return Number(value);
}

/** A parameter without a default: absent is refused with an example of what to give. */
export function requiredProblem(name: string, example: string): ParameterProblem {
  return new ParameterProblem({ it: `è obbligatorio, es. ${name}=${example}`, en: `is required, e.g. ${name}=${example}` }, { it: `es. ${example}`, en: `e.g. ${example}` });
}

function named<A extends unknown[], T>(check: (...args: A) => T): (name: string, ...args: A) => T {
  return (name, ...args) => {
    try {
      return check(...args);
    } catch (error) {
      throw error instanceof ParameterProblem ? error.named(name) : error;
    }
  };
}

export const optionalParam = named(checkOptional);
export const parseChoice: <T extends string>(name: string, raw: unknown, allowed: readonly T[]) => T | undefined = named(checkChoice);
