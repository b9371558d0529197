import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';

export interface HierarchyRow {
  container: string;
  code: string;
}

export interface TermValueRow {
  code: string;
  value: number;
}

export interface TermQuery {
  code: string;
  year: number;
  variable: string;
  sex: string;
  band: string;
  lag: number;
}

const SQL = {
  hierarchy: loadSql(import.meta.url, 'hierarchy.sql'),
  termValues: loadSql(import.meta.url, 'term-values.sql'),
};

@Injectable()
export class DisclosureRepository {
  hierarchy(snapshot: SnapshotReader): Promise<HierarchyRow[]> {
    return snapshot.query<HierarchyRow>(SQL.hierarchy);
  }

  termValues(snapshot: SnapshotReader, query: TermQuery): Promise<TermValueRow[]> {
    return snapshot.query<TermValueRow>(SQL.termValues, { ...query });
  }
}
