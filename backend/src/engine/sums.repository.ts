import { Injectable } from '@nestjs/common';
import type { ColumnChunk, SnapshotReader, SqlValue } from '../core/snapshot-pool.js';
import type { Spread } from '../statistics/types.js';
import { loadSql } from '../core/sql.js';
import { SnapshotLookups } from './snapshot-lookups.js';
import { byRowThenCode, type SumTarget } from './sum-targets.js';

/** A row of sql/sums.sql: one target territory × one (indicator, year) pair. */
export interface SumsRow {
  code: string;
  name: string;
  /** A territory level, or 'group' for a user-defined group of comuni. */
  level: string;
  /** Asked for as a row (level inside parent, or by code); false for a benchmark only. */
  is_row: boolean;
  /** The row's own container of the benchmark level, when one was asked for. */
  benchmark_code: string | null;
  indicator_code: string;
  year: number;
  numerator: number | null;
  denominator: number | null;
  comuni_with_data: number;
  comuni_total: number;
  synthetic: boolean;
}

export const SUMS_COLUMNS: readonly (keyof SumsRow)[] = ['code', 'name', 'level', 'is_row', 'benchmark_code', 'indicator_code', 'year', 'numerator', 'denominator', 'comuni_with_data', 'comuni_total', 'synthetic'];

export interface GroupTarget {
  readonly code: string;
  readonly name: string;
  /** Current comune codes. */
  readonly comuni: readonly string[];
  /** Listed among the rows (true) or only a benchmark (false). */
  readonly isRow: boolean;
}

export interface SumsQuery {
  /** The (indicator, year) pairs wanted; rows come in this order. */
  readonly pairs: readonly { readonly indicator: string; readonly year: number }[];
  /** The territories of `level` inside `parent` (anywhere when parent is null). */
  readonly level?: string | null;
  readonly parent?: string | null;
  readonly codes?: readonly string[];
  readonly extra?: readonly string[];
  readonly benchmarkLevel?: string | null;
  readonly group?: GroupTarget | null;
}

export const GROUP_CODE = 'group';

const SUMS_SQL = loadSql(import.meta.url, 'sums.sql');
const TARGET_SUMS_SQL = loadSql(import.meta.url, 'target-sums.sql');
const GROUP_SUMS_SQL = loadSql(import.meta.url, 'group-sums.sql');

/** A row of sql/target-sums.sql (a target territory) or sql/group-sums.sql (the group, code absent). */
type PartSumsRow = Pick<SumsRow, 'indicator_code' | 'year' | 'numerator' | 'denominator' | 'comuni_with_data' | 'comuni_total' | 'synthetic'> & { code?: string };
const PEER_SPREAD_SQL = loadSql(import.meta.url, 'peer-spread.sql');

/** A row of sql/peer-spread.sql: the spread of the peers' values for pair `pair` (1-based). */
export type PeerSpreadRow = Spread & { pair: number };

export interface PeerSpreadQuery {
  readonly pairs: readonly { readonly indicator: string; readonly year: number; readonly multiplier: number; readonly plainCount: boolean }[];
  readonly level: string;
  readonly parent: string;
  /** Peers with a count from 1 to hideBelow − 1 are left out. */
  readonly hideBelow: number;
}

function params(query: SumsQuery): Record<string, SqlValue> {
  const group = query.group ?? null;
  return {
    indicators: query.pairs.map((p) => p.indicator),
    years: query.pairs.map((p) => p.year),
    level: query.level ?? null,
    parent: query.parent ?? null,
    codes: [...(query.codes ?? [])],
    extra: [...(query.extra ?? [])],
    benchmark_level: query.benchmarkLevel ?? null,
    group: group === null ? [] : [...group.comuni],
    group_code: group?.code ?? GROUP_CODE,
    group_name: group?.name ?? '',
    group_is_row: group?.isRow ?? false,
  };
}

/**
 * Runs the one multi-indicator, multi-year, multi-territory query of the engine. An answer held in memory
 * finds its territories in the snapshot's lookups and asks DuckDB for the sums only (sql/target-sums.sql,
 * plus sql/group-sums.sql for a group): the rows are those sql/sums.sql gives, in its order. A stream
 * (an export, too big to hold) runs sql/sums.sql, which labels and orders the rows itself.
 */
@Injectable()
export class SumsRepository {
  constructor(private readonly lookups: SnapshotLookups) {}

  async sums(snapshot: SnapshotReader, query: SumsQuery): Promise<SumsRow[]> {
    if (query.pairs.length === 0) return [];
    const targets: SumTarget[] = await this.lookups.targets(snapshot, query);
    const indicators = query.pairs.map((p) => p.indicator);
    const years = query.pairs.map((p) => p.year);
    const found = new Map<string, PartSumsRow>();
    if (targets.length > 0) {
      for (const row of await snapshot.query<PartSumsRow>(TARGET_SUMS_SQL, { indicators, years, codes: targets.map((t) => t.code) })) found.set(`${row.code}|${row.indicator_code}|${row.year}`, row);
    }
    const group = query.group ?? null;
    const labelled: SumTarget[] = [...targets];
    if (group !== null && group.comuni.length > 0) {
      for (const row of await snapshot.query<PartSumsRow>(GROUP_SUMS_SQL, { indicators, years, group: [...group.comuni] })) found.set(`${group.code}|${row.indicator_code}|${row.year}`, row);
      labelled.push({ code: group.code, name: group.name, level: 'group', isRow: group.isRow, benchmarkCode: null });
      labelled.sort(byRowThenCode);
    }
    const rows: SumsRow[] = [];
    for (const { indicator, year } of query.pairs) {
      for (const t of labelled) {
        const s = found.get(`${t.code}|${indicator}|${year}`);
        rows.push({
          code: t.code,
          name: t.name,
          level: t.level,
          is_row: t.isRow,
          benchmark_code: t.benchmarkCode,
          indicator_code: indicator,
          year,
          numerator: s?.numerator ?? null,
          denominator: s?.denominator ?? null,
          comuni_with_data: s?.comuni_with_data ?? 0,
          comuni_total: s?.comuni_total ?? (t.level === 'comune' ? 1 : 0),
          synthetic: s?.synthetic ?? false,
        });
      }
    }
    return rows;
  }

  async peerSpread(snapshot: SnapshotReader, query: PeerSpreadQuery): Promise<PeerSpreadRow[]> {
    if (query.pairs.length === 0) return [];
    return snapshot.query<PeerSpreadRow>(PEER_SPREAD_SQL, {
      indicators: query.pairs.map((p) => p.indicator),
      years: query.pairs.map((p) => p.year),
      multipliers: query.pairs.map((p) => p.multiplier),
      plain: query.pairs.map((p) => (p.plainCount ? 1 : 0)),
      level: query.level,
      parent: query.parent,
      hide_below: query.hideBelow,
    });
  }

  /** The same rows chunk by chunk, for exports too big to hold. */
  async *stream(snapshot: SnapshotReader, query: SumsQuery): AsyncGenerator<ColumnChunk> {
    if (query.pairs.length === 0) return;
    yield* snapshot.stream(SUMS_SQL, params(query));
  }
}
