import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';
import type { Severity } from './quality-rules.js';

export interface IssueRow {
  severity: Severity;
  rule: string;
  source_id: string | null;
  source_title: string | null;
  territory_code: string | null;
  territory_name: string | null;
  territory_level: string | null;
  year: number | null;
  message: string;
  message_it: string;
}

export interface TotalRow {
  facet: 'severity' | 'rule' | 'matching';
  severity: Severity | null;
  rule: string | null;
  issues: number;
}

export interface IssueFilter {
  severity: Severity | null;
  rule: string | null;
  territory: string | null;
}

const SQL = {
  issues: loadSql(import.meta.url, 'issues.sql'),
  totals: loadSql(import.meta.url, 'totals.sql'),
  rules: loadSql(import.meta.url, 'rules.sql'),
};

@Injectable()
export class QualityRepository {
  issues(snapshot: SnapshotReader, filter: IssueFilter, page: { limit: number; offset: number }): Promise<IssueRow[]> {
    return snapshot.query<IssueRow>(SQL.issues, { ...filter, ...page });
  }

  totals(snapshot: SnapshotReader, filter: IssueFilter): Promise<TotalRow[]> {
    return snapshot.query<TotalRow>(SQL.totals, { ...filter });
  }

  async rules(snapshot: SnapshotReader): Promise<string[]> {
    return (await snapshot.query<{ rule: string }>(SQL.rules)).map((r) => r.rule);
  }
}
