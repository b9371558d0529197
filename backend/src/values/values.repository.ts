import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';
import type { SourceRow } from '../sources/source.dto.js';
import type { TerritoryLevel } from '../territories/territory-levels.js';

export interface AggregateRow {
  code: string;
  name: string;
  is_benchmark: boolean;
  numerator: number | null;
  denominator: number | null;
  comuni_with_data: number;
  comuni_total: number;
  synthetic: boolean;
}

export interface AggregateQuery {
  code: string;
  year: number;
  level: TerritoryLevel;
  parent: string | null;
}

const SQL = {
  aggregate: loadSql(import.meta.url, 'aggregate.sql'),
  sources: loadSql(import.meta.url, 'sources.sql'),
};

@Injectable()
export class ValuesRepository {
  /** Sums per territory of the level, then the parent's row (is_benchmark) if there is a parent. */
  aggregate(snapshot: SnapshotReader, query: AggregateQuery): Promise<AggregateRow[]> {
    return snapshot.query<AggregateRow>(SQL.aggregate, { ...query });
  }

  sources(snapshot: SnapshotReader, code: string, year: number): Promise<SourceRow[]> {
    return snapshot.query<SourceRow>(SQL.sources, { code, year });
  }
}
