import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';
import type { SourceRow } from '../sources/source.dto.js';

export interface ContributionRow {
  source_id: string | null;
  value: number;
  comuni: number;
  derived?: boolean;
  merged?: { code: string; name: string; source_codes: string[] }[] | null;
}

export interface FileRow {
  file: string;
  sha256: string | null;
  year: number | null;
}

export interface LoadRunRow {
  run_id: string;
  started_at: string;
  finished_at: string | null;
  etl_version: string;
}

export interface ValueScope {
  indicator: string;
  territory: string;
  year: number;
}

const SQL = {
  definition: loadSql(import.meta.url, 'definition.sql'),
  members: loadSql(import.meta.url, 'members.sql'),
  variableTerm: loadSql(import.meta.url, 'variable-term.sql'),
  areaTerm: loadSql(import.meta.url, 'area-term.sql'),
  files: loadSql(import.meta.url, 'files.sql'),
  sources: loadSql(import.meta.url, 'sources.sql'),
  loadRun: loadSql(import.meta.url, 'load-run.sql'),
};

@Injectable()
export class ProvenanceRepository {
  async definition(snapshot: SnapshotReader, indicator: string): Promise<string> {
    const [row] = await snapshot.query<{ definition: string }>(SQL.definition, { indicator });
    return row!.definition;
  }

  async members(snapshot: SnapshotReader, scope: ValueScope): Promise<{ comuni_total: number; comuni_with_data: number }> {
    const [row] = await snapshot.query<{ comuni_total: number; comuni_with_data: number }>(SQL.members, { ...scope });
    return row!;
  }

  variableTerm(snapshot: SnapshotReader, scope: ValueScope, term: { dataYear: number; variable: string; sex: string; band: string }): Promise<ContributionRow[]> {
    return snapshot.query<ContributionRow>(SQL.variableTerm, { ...scope, data_year: term.dataYear, variable: term.variable, sex: term.sex, band: term.band });
  }

  areaTerm(snapshot: SnapshotReader, scope: ValueScope): Promise<ContributionRow[]> {
    return snapshot.query<ContributionRow>(SQL.areaTerm, { ...scope });
  }

  files(snapshot: SnapshotReader, source: string, dataYear: number): Promise<FileRow[]> {
    return snapshot.query<FileRow>(SQL.files, { source, data_year: dataYear });
  }

  sources(snapshot: SnapshotReader): Promise<SourceRow[]> {
    return snapshot.query<SourceRow>(SQL.sources);
  }

  async loadRun(snapshot: SnapshotReader): Promise<LoadRunRow> {
    const [row] = await snapshot.query<LoadRunRow>(SQL.loadRun);
    return row!;
  }
}
