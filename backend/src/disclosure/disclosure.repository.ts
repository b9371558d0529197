import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';

export interface HierarchyRow {
  container: string;
  code: string;
}

export interface BreakdownValueRow {
  code: string;
  sex: string;
  band: string;
  value: number;
}

export interface BreakdownQuery {
  variable: string;
  year: number;
  breakdowns: readonly { readonly sex: string; readonly band: string }[];
}

const SQL = {
  hierarchy: loadSql(import.meta.url, 'hierarchy.sql'),
  breakdownValues: loadSql(import.meta.url, 'breakdown-values.sql'),
};

@Injectable()
export class DisclosureRepository {
  hierarchy(snapshot: SnapshotReader): Promise<HierarchyRow[]> {
    return snapshot.query<HierarchyRow>(SQL.hierarchy);
  }

  breakdownValues(snapshot: SnapshotReader, { variable, year, breakdowns }: BreakdownQuery): Promise<BreakdownValueRow[]> {
    return snapshot.query<BreakdownValueRow>(SQL.breakdownValues, { variable, year, sexes: breakdowns.map((b) => b.sex), bands: breakdowns.map((b) => b.band) });
  }
}
