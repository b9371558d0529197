import { BadParameterError } from '../core/errors.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { parentLevels, type TerritoryLevel } from '../territories/territory-levels.js';
import type { BenchmarkChoice } from './engine-params.js';
import type { IndicatorValue } from './indicator-value.js';
import type { SnapshotLookups } from './snapshot-lookups.js';
import { GROUP_CODE, type GroupTarget, type SumsQuery } from './sums.repository.js';

/** How the benchmark of a request enters the one query, and how each row then finds its benchmark row. */
export interface ResolvedBenchmark {
  readonly query: Pick<SumsQuery, 'extra' | 'benchmarkLevel'>;
  /** One territory (or the group) for every row; null with a benchmark level, or without a benchmark. */
  readonly code: string | null;
  readonly level: string | null;
}

/** A single territory's benchmark (profile, trend) may not be the territory itself: it is never compared with itself. */
export function refuseSelfBenchmark(choice: BenchmarkChoice | undefined, territory: { code: string; name: string }): void {
  if (choice?.kind !== 'code' || choice.code !== territory.code) return;
  throw new BadParameterError('benchmark', {
    it: `${territory.code} (${territory.name}) è il territorio stesso: un territorio non si confronta mai con se stesso; usare un livello superiore, italia o il codice di un altro territorio`,
    en: `${territory.code} (${territory.name}) is the territory itself: a territory is never compared with itself; use a level above it, italia or another territory's code`,
  });
}

export async function resolveBenchmark(
  choice: BenchmarkChoice | undefined,
  rowLevels: readonly string[],
  fallback: string | null,
  group: GroupTarget | null,
  snapshot: SnapshotReader,
  lookups: SnapshotLookups,
): Promise<ResolvedBenchmark> {
  if (choice === undefined) return fallback === null ? { query: {}, code: null, level: null } : { query: { extra: [fallback] }, code: fallback, level: null };
  if (choice.kind === 'group') {
    if (group === null) throw new BadParameterError('benchmark', { it: 'group richiede i comuni del gruppo, es. group=018110,018026', en: 'group needs the comuni of the group, e.g. group=018110,018026' });
    return { query: {}, code: GROUP_CODE, level: null };
  }
  if (choice.kind === 'code') {
    await lookups.territory(snapshot, choice.code);
    return { query: { extra: [choice.code] }, code: choice.code, level: null };
  }
  for (const level of rowLevels) {
    const containing = level === 'group' ? [] : parentLevels(level as TerritoryLevel).filter((l) => l !== 'italia');
    if (!(containing as readonly string[]).includes(choice.level)) {
      const allowed = [...containing, 'italia'].join(', ');
      throw new BadParameterError('benchmark', {
        it: `${choice.level} non contiene territori di livello ${level}; usare ${allowed} o il codice di un territorio`,
        en: `${choice.level} does not contain territories of level ${level}; use ${allowed} or a territory code`,
      });
    }
  }
  return { query: { benchmarkLevel: choice.level }, code: null, level: choice.level };
}

/** Each row's benchmark row: the one territory, or the row's own container of the benchmark level. */
export function benchmarkFinder(values: readonly IndicatorValue[], benchmark: ResolvedBenchmark): (row: IndicatorValue) => IndicatorValue | null {
  const byKey = new Map(values.map((v) => [`${v.code}|${v.indicator}|${v.year}`, v]));
  return (row) => {
    const code = benchmark.code ?? row.benchmarkCode;
    return code === null ? null : (byKey.get(`${code}|${row.indicator}|${row.year}`) ?? null);
  };
}
