import { Injectable } from '@nestjs/common';
import { BadParameterError } from '../core/errors.js';
import { unknownTerritory } from '../core/not-found.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';
import type { SourceRow } from '../sources/source.dto.js';
import { sumTargets, type SumTarget, type TerritoryLookups } from './sum-targets.js';
import type { SumsQuery } from './sums.repository.js';

export interface TerritoryEntry {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  ambito_code: string | null;
}

export interface IndicatorSourceRow extends SourceRow {
  indicator_code: string;
  year: number;
}

const SQL = {
  territories: loadSql(import.meta.url, 'territories.sql'),
  sources: loadSql(import.meta.url, 'sources.sql'),
  containment: loadSql(import.meta.url, 'containment.sql'),
};

interface ContainmentRow {
  container: string;
  code: string;
}

/** What a snapshot holds that every request looks up: read once per snapshot (it never changes), not per request. */
class Lookups implements TerritoryLookups {
  /** Each territory's place in Italian alphabetical order of names (then codes). */
  readonly nameOrder: ReadonlyMap<string, number>;
  readonly members = new Map<string, string[]>();
  readonly containers = new Map<string, string[]>();

  constructor(
    readonly territories: ReadonlyMap<string, TerritoryEntry>,
    private readonly sourceRows: readonly IndicatorSourceRow[],
    containment: readonly ContainmentRow[],
  ) {
    for (const { container, code } of containment) {
      listAt(this.members, container).push(code);
      listAt(this.containers, code).push(container);
    }
    const collator = new Intl.Collator('it');
    const sorted = [...territories.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.nameOrder = new Map(sorted.map((t, i) => [t.code, i]));
  }

  /** The distinct sources of these indicators in these years, by title. */
  sources(indicators: readonly string[], years: readonly number[]): SourceRow[] {
    const seen = new Set<string>();
    return this.sourceRows.filter((s) => indicators.includes(s.indicator_code) && years.includes(s.year) && !seen.has(s.source_id) && seen.add(s.source_id) !== undefined);
  }
}

function listAt(map: Map<string, string[]>, key: string): string[] {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  return list;
}

const KEPT = 3;

@Injectable()
export class SnapshotLookups {
  private readonly bySnapshot = new Map<string, Promise<Lookups>>();

  private load(snapshot: SnapshotReader): Promise<Lookups> {
    let lookups = this.bySnapshot.get(snapshot.info.id);
    if (lookups === undefined) {
      lookups = (async () => {
        const territories = await snapshot.query<TerritoryEntry>(SQL.territories);
        const sources = await snapshot.query<IndicatorSourceRow>(SQL.sources);
        const containment = await snapshot.query<ContainmentRow>(SQL.containment);
        return new Lookups(new Map(territories.map((t) => [t.code, t])), sources, containment);
      })();
      lookups.catch(() => this.bySnapshot.delete(snapshot.info.id));
      this.bySnapshot.set(snapshot.info.id, lookups);
      while (this.bySnapshot.size > KEPT) this.bySnapshot.delete(this.bySnapshot.keys().next().value!);
    }
    return lookups;
  }

  async territory(snapshot: SnapshotReader, code: string): Promise<TerritoryEntry> {
    const territory = (await this.load(snapshot)).territories.get(code);
    if (territory === undefined) throw unknownTerritory(snapshot, code);
    return territory;
  }

  /** The territory of `level` that contains `code` (an ambito only contains comuni); null when none does. */
  async container(snapshot: SnapshotReader, code: string, level: string): Promise<TerritoryEntry | null> {
    const { territories } = await this.load(snapshot);
    let at = territories.get(code);
    if (level === 'ambito') return at?.ambito_code ? (territories.get(at.ambito_code) ?? null) : null;
    while (at !== undefined && at.level !== level) at = at.parent_code === null ? undefined : territories.get(at.parent_code);
    return at ?? null;
  }

  /** Sorts rows by year, then by name in Italian order (then code); a group comes last. */
  async sortByName<Row extends { code: string; year: number; level: string }>(snapshot: SnapshotReader, rows: Row[]): Promise<Row[]> {
    const { nameOrder } = await this.load(snapshot);
    // Each row's place looked up once, not at every comparison (a few hundred rows are sorted per request).
    const keyed = rows.map((row) => ({ row, place: row.level === 'group' ? Number.MAX_SAFE_INTEGER : (nameOrder.get(row.code) ?? Number.MAX_SAFE_INTEGER - 1) }));
    keyed.sort((a, b) => a.row.year - b.row.year || a.place - b.place);
    keyed.forEach((k, i) => {
      rows[i] = k.row;
    });
    return rows;
  }

  /** Current comuni, each of which must exist and be a comune (a group is made of comuni). */
  async comuni(snapshot: SnapshotReader, parameter: string, codes: readonly string[]): Promise<TerritoryEntry[]> {
    const found: TerritoryEntry[] = [];
    for (const code of codes) {
      const territory = await this.territory(snapshot, code);
      if (territory.level !== 'comune') {
        throw new BadParameterError(parameter, { it: `${code} (${territory.name}) è di livello ${territory.level}; un gruppo è fatto di comuni`, en: `${code} (${territory.name}) is of level ${territory.level}; a group is made of comuni` });
      }
      found.push(territory);
    }
    return found;
  }

  /** The territories a sums query is about, benchmarks first, then by code. */
  async targets(snapshot: SnapshotReader, query: SumsQuery): Promise<SumTarget[]> {
    return sumTargets(await this.load(snapshot), query);
  }

  async sources(snapshot: SnapshotReader, indicators: readonly string[], years: readonly number[]): Promise<SourceRow[]> {
    return (await this.load(snapshot)).sources(indicators, years);
  }
}
