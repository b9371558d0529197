/**
 * Query parameters shared by the analytics endpoints, as zod schemas (core/param-schemas.ts) built on check
 * functions that say, in Italian and English, what is allowed.
 */
import { param } from '../core/param-schemas.js';
import { checkCode, checkOptional, ParameterProblem } from '../core/params.js';

const YEAR = /^\d{4}$/;

/** `years=2019-2023` (a range) or `years=2019,2021` (a list); ascending, without repeats. */
export function checkYears(raw: unknown): number[] | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  const range = /^(\d{4})-(\d{4})$/.exec(value);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from > to) throw new ParameterProblem({ it: `"${value}" va all'indietro; usare da-a con da ≤ a, es. 2019-2023`, en: `"${value}" runs backwards; use from-to with from ≤ to, e.g. 2019-2023` });
    if (to - from > 100) throw new ParameterProblem({ it: `"${value}" copre più di 100 anni`, en: `"${value}" spans more than 100 years` });
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const parts = value.split(',');
  if (parts.some((p) => !YEAR.test(p))) {
    throw new ParameterProblem(
      { it: `"${value}" non è un elenco di anni; usare quattro cifre, es. 2019-2023 o 2019,2021`, en: `"${value}" is not a list of years; use four digits, e.g. 2019-2023 or 2019,2021` },
      { it: 'un intervallo (2019-2023) o un elenco (2019,2021)', en: 'a range (2019-2023) or a list (2019,2021)' },
    );
  }
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

/** A comma-separated list of territory or indicator codes, at most `max` of them. */
export function checkCodeList(raw: unknown, max: number): string[] | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  const codes = [...new Set(value.split(',').map((c) => c.trim()))];
  if (codes.length > max) throw new ParameterProblem({ it: `indica ${codes.length} codici; se ne ammettono al massimo ${max}`, en: `gives ${codes.length} codes; at most ${max} are allowed` });
  for (const code of codes) checkCode(code);
  return codes;
}

export const BENCHMARK_LEVELS = ['ambito', 'provincia', 'regione', 'italia'] as const;
/** `asked` is the parameter as given, which some answers repeat. */
export type BenchmarkChoice = ({ kind: 'level'; level: 'ambito' | 'provincia' | 'regione' } | { kind: 'code'; code: string } | { kind: 'group' }) & { readonly asked: string };

/** ambito|provincia|regione (each row's own), italia, group (the `group` parameter) or a territory code. */
export function checkBenchmark(raw: unknown): BenchmarkChoice | undefined {
  const value = checkOptional(raw);
  if (value === undefined) return undefined;
  if (value === 'italia') return { kind: 'code', code: 'IT', asked: value };
  if (value === 'ambito' || value === 'provincia' || value === 'regione') return { kind: 'level', level: value, asked: value };
  if (value === 'group') return { kind: 'group', asked: value };
  try {
    return { kind: 'code', code: checkCode(value)!, asked: value };
  } catch {
    const list = BENCHMARK_LEVELS.join(', ');
    throw new ParameterProblem(
      { it: `"${value}" non è ammesso; usare uno tra ${list}, group (con group=…) o un codice di territorio`, en: `"${value}" is not allowed; use one of ${list}, group (with group=…) or a territory code` },
      [...BENCHMARK_LEVELS, 'group'],
    );
  }
}

/** A benchmark for an endpoint without a `group` parameter: a level, italia or a territory. */
export function checkTerritoryBenchmark(raw: unknown): Exclude<BenchmarkChoice, { kind: 'group' }> | undefined {
  const choice = checkBenchmark(raw);
  if (choice?.kind !== 'group') return choice;
  throw new ParameterProblem(
    { it: 'qui il confronto è con un territorio: usare ambito, provincia, regione, italia o un codice di territorio', en: 'the comparison here is with a territory: use ambito, provincia, regione, italia or a territory code' },
    [...BENCHMARK_LEVELS],
  );
}

export const MAX_LIMIT = 10_000;

export const engineParam = {
  years: () => param.custom(checkYears),
  codeList: (max: number) => param.custom((raw) => checkCodeList(raw, max)),
  benchmark: () => param.custom(checkBenchmark),
  territoryBenchmark: () => param.custom(checkTerritoryBenchmark),
  /** Default and cap MAX_LIMIT: a larger limit is capped, not refused. */
  limit: () => param.limit(MAX_LIMIT, MAX_LIMIT),
  offset: param.offset,
};
