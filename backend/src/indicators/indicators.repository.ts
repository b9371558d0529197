import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';

export interface IndicatorRow {
  code: string;
  /** JSON: one validated entry of datasets/indicators.yaml. */
  definition: string;
  years: number[];
}

const SQL = { list: loadSql(import.meta.url, 'indicators.sql') };

@Injectable()
export class IndicatorsRepository {
  /** The whole catalogue, or the one indicator `code` (none if unknown). */
  list(snapshot: SnapshotReader, code: string | null = null): Promise<IndicatorRow[]> {
    return snapshot.query<IndicatorRow>(SQL.list, { code });
  }
}
