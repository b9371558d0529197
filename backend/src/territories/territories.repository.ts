import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';
import type { AnyTerritoryLevel, TerritoryLevel } from './territory-levels.js';

export interface TerritoryRow {
  code: string;
  name: string;
  level: AnyTerritoryLevel;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  area_km2: number | null;
}

export interface TerritoryFilter {
  level: TerritoryLevel | null;
  parent: string | null;
}

const SQL = {
  list: loadSql(import.meta.url, 'territories.sql'),
  count: loadSql(import.meta.url, 'territories-count.sql'),
  find: loadSql(import.meta.url, 'territory.sql'),
};

@Injectable()
export class TerritoriesRepository {
  list(snapshot: SnapshotReader, filter: TerritoryFilter, page: { limit: number; offset: number }): Promise<TerritoryRow[]> {
    return snapshot.query<TerritoryRow>(SQL.list, { ...filter, ...page });
  }

  async count(snapshot: SnapshotReader, filter: TerritoryFilter): Promise<number> {
    const [row] = await snapshot.query<{ total: number }>(SQL.count, { ...filter });
    return row!.total;
  }

  async find(snapshot: SnapshotReader, code: string): Promise<TerritoryRow | null> {
    const [row] = await snapshot.query<TerritoryRow>(SQL.find, { code });
    return row ?? null;
  }
}
