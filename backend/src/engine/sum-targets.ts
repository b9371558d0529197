/**
 * Which territories a sums query is about, found in the snapshot's lookups rather than by joining
 * containment in SQL (planning and running those joins was most of the cost of a request): the
 * territories of a level inside a parent, more by code, benchmarks only, and each row's own container of
 * the benchmark level. The same targets as sql/sums.sql's `chosen`, `row_benchmark` and `target`.
 */
import type { TerritoryEntry } from './snapshot-lookups.js';
import type { SumsQuery } from './sums.repository.js';

/** What the snapshot says about territories, read once per snapshot. */
export interface TerritoryLookups {
  readonly territories: ReadonlyMap<string, TerritoryEntry>;
  /** The territories each territory contains, itself left out. */
  readonly members: ReadonlyMap<string, readonly string[]>;
  /** The territories each territory is contained in, itself left out. */
  readonly containers: ReadonlyMap<string, readonly string[]>;
}

export interface SumTarget {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  /** Asked for as a row (level inside parent, or by code); false for a benchmark only. */
  readonly isRow: boolean;
  /** The row's own container of the benchmark level, when one was asked for. */
  readonly benchmarkCode: string | null;
}

/** The targets of `query`, each once, benchmarks first, then by code (as sums.sql orders them). */
export function sumTargets(lookups: TerritoryLookups, query: Pick<SumsQuery, 'level' | 'parent' | 'codes' | 'extra' | 'benchmarkLevel'>): SumTarget[] {
  const { territories, members, containers } = lookups;
  const isRow = new Map<string, boolean>();
  const add = (code: string, row: boolean) => {
    if (territories.has(code)) isRow.set(code, row || (isRow.get(code) ?? false));
  };
  const level = query.level ?? null;
  const parent = query.parent ?? null;
  if (level !== null) {
    const candidates = parent === null ? territories.keys() : (members.get(parent) ?? []);
    for (const code of candidates) if (territories.get(code)?.level === level) add(code, true);
  }
  for (const code of query.codes ?? []) add(code, true);
  for (const code of query.extra ?? []) add(code, false);

  const benchmarkLevel = query.benchmarkLevel ?? null;
  const benchmarkOf = new Map<string, string>();
  if (benchmarkLevel !== null) {
    for (const [code, row] of isRow) {
      if (!row) continue;
      let lowest: string | null = null;
      for (const container of containers.get(code) ?? []) {
        if (territories.get(container)?.level === benchmarkLevel && (lowest === null || container < lowest)) lowest = container;
      }
      if (lowest !== null) benchmarkOf.set(code, lowest);
    }
    for (const benchmark of benchmarkOf.values()) add(benchmark, false);
  }

  const targets: SumTarget[] = [];
  for (const [code, row] of isRow) {
    const territory = territories.get(code)!;
    targets.push({ code, name: territory.name, level: territory.level, isRow: row, benchmarkCode: benchmarkOf.get(code) ?? null });
  }
  return targets.sort(byRowThenCode);
}

/** Benchmarks (not rows) first, then by code, compared as DuckDB compares VARCHAR (byte order). */
export function byRowThenCode(a: { isRow: boolean; code: string }, b: { isRow: boolean; code: string }): number {
  if (a.isRow !== b.isRow) return a.isRow ? 1 : -1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
