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
  /** The whole catalogue, in catalogue order. */
  list(snapshot: SnapshotReader): Promise<IndicatorRow[]> {
    return snapshot.query<IndicatorRow>(SQL.list);
  }
}
