/** Query parameters shared by the analytics endpoints, checked by pure functions that say what is allowed. */
import { BadParameterError } from '../core/errors.js';
import { optionalParam, parseCode, parseWholeNumber } from '../core/params.js';

const YEAR = /^\d{4}$/;

/** `years=2019-2023` (a range) or `years=2019,2021` (a list); ascending, without repeats. */
export function parseYears(name: string, raw: unknown): number[] | undefined {
  const value = optionalParam(name, raw);
  if (value === undefined) return undefined;
  const range = /^(\d{4})-(\d{4})$/.exec(value);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from > to) throw new BadParameterError(name, `"${value}" runs backwards; use from-to with from ≤ to, e.g. 2019-2023`);
    if (to - from > 100) throw new BadParameterError(name, `"${value}" spans more than 100 years`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const parts = value.split(',');
  if (parts.some((p) => !YEAR.test(p))) throw new BadParameterError(name, `"${value}" is not a list of years; use four digits, e.g. 2019-2023 or 2019,2021`);
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

/** A comma-separated list of territory or indicator codes, at most `max` of them. */
export function parseCodeList(name: string, raw: unknown, max: number): string[] | undefined {
  const value = optionalParam(name, raw);
  if (value === undefined) return undefined;
  const codes = [...new Set(value.split(',').map((c) => c.trim()))];
  if (codes.length > max) throw new BadParameterError(name, `gives ${codes.length} codes; at most ${max} are allowed`);
  for (const code of codes) parseCode(name, code);
  return codes;
}

export const BENCHMARK_LEVELS = ['ambito', 'provincia', 'regione', 'italia'] as const;
export type BenchmarkChoice = { kind: 'level'; level: 'ambito' | 'provincia' | 'regione' } | { kind: 'code'; code: string } | { kind: 'group' };

/** ambito|provincia|regione (each row's own), italia, group (the `group` parameter) or a territory code. */
export function parseBenchmark(raw: unknown): BenchmarkChoice | undefined {
  const value = optionalParam('benchmark', raw);
  if (value === undefined) return undefined;
  if (value === 'italia') return { kind: 'code', code: 'IT' };
  if (value === 'ambito' || value === 'provincia' || value === 'regione') return { kind: 'level', level: value };
  if (value === 'group') return { kind: 'group' };
  try {
    return { kind: 'code', code: parseCode('benchmark', value)! };
  } catch {
    throw new BadParameterError('benchmark', `"${value}" is not allowed; use one of ${BENCHMARK_LEVELS.join(', ')}, group (with group=…) or a territory code`);
  }
}

export const MAX_LIMIT = 10_000;

/** `limit` (default and cap MAX_LIMIT: a larger one is capped, not refused) and `offset`. */
export function parsePage(query: { limit?: unknown; offset?: unknown }, defaultLimit = MAX_LIMIT): { limit: number; offset: number } {
  const asked = optionalParam('limit', query.limit);
  if (asked !== undefined && !/^[1-9]\d*$/.test(asked)) throw new BadParameterError('limit', `"${asked}" is not allowed; use a whole number from 1 up (at most ${MAX_LIMIT} are returned)`);
  const limit = asked === undefined ? defaultLimit : Math.min(Number(asked), MAX_LIMIT);
  const offset = parseWholeNumber('offset', query.offset, 0) ?? 0;
  return { limit, offset };
}
