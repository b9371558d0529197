/**
 * Stages one observations source from a data folder in an in-memory DuckDB, as a load does, for the
 * specs: the values it yields (as published, before harmonisation) and what each file gave.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readSqlBeside, runStatements } from '../../db/sql-file.js';
import { silentProgress } from '../../progress.js';
import type { DescriptorOf, SourceCatalog } from '../../sources/descriptor.js';
import { digestSourceFile, resolveSourceFiles } from '../../sources/files.js';
import { FileIds, stageObservationSources } from '../observations.js';
import type { RegisterTerritory } from '../register.js';
import type { SourceError } from '../../sources/errors.js';
import { readStageErrors, throwStageErrors } from '../stage-errors.js';

export interface StagedValue {
  readonly code: string;
  readonly year: number;
  readonly variable: string;
  readonly sex: 'T' | 'M' | 'F';
  /** TOT, Y<age>, Y<from>-<to>, Y<from>- */
  readonly ageBand: string;
  readonly value: number;
  readonly file: string;
  /** 0-based data record of the file, in file order (read in one pass: the first record of the comune). */
  readonly record: number | null;
}

export interface StagedSourceRead {
  readonly files: readonly { path: string; sha256: string; rowsRead: number; notPublished: number }[];
  readonly records: readonly StagedValue[];
}

const work = readSqlBeside(import.meta.url, '../sql/work-schema.sql');
const cells = readSqlBeside(import.meta.url, '../sql/cells.sql');

export async function stageSource(catalog: SourceCatalog, descriptor: DescriptorOf<'observations'>, dataDir: string, territory?: RegisterTerritory): Promise<StagedSourceRead> {
  return withStagedSource(catalog, descriptor, dataDir, territory, {}, async (connection) => {
    await throwStageErrors(connection);
    const files = (await connection.runAndReadAll(
      'SELECT path, sha256, CAST(rows_read AS INTEGER) AS "rowsRead", CAST(not_published AS INTEGER) AS "notPublished" FROM stage_file ORDER BY file_id',
    )).getRowObjectsJS() as unknown as StagedSourceRead['files'];
    const records = (await connection.runAndReadAll(
      `SELECT code, year, variable, sex, "ageBand", value, file, record FROM (
         SELECT r.file_id, r.code, r.year, r.variable, r.sex, band_label(r.age_from, r.age_to) AS "ageBand", r.value, f.path AS file, CAST(r.record AS INTEGER) AS record, r.rowid AS n
         FROM obs_raw r JOIN stage_file f USING (file_id)
         UNION ALL
         SELECT a.file_id, a.code, a.year, a.variable, s.sex, band_label(g.age, CASE WHEN g.age = 100 THEN NULL ELSE g.age END),
                CASE s.sex WHEN 'M' THEN a.male[g.age + 1] ELSE a.female[g.age + 1] END,
                f.path, CAST(a.record AS INTEGER) + CAST(g.age AS INTEGER), (a.rowid * 101 + g.age) * 2 + CASE s.sex WHEN 'M' THEN 0 ELSE 1 END
         FROM ages_raw a JOIN stage_file f USING (file_id), range(0, 101) g(age), (VALUES ('M'), ('F')) s(sex)
       ) ORDER BY file_id, record NULLS FIRST, n`,
    )).getRowObjectsJS() as unknown as StagedValue[];
    return { files, records };
  });
}

/**
 * The problems staging a source found, as a load reports them, and how many rows of stage_error hold them.
 * `duckdb`: settings of the database staged into (e.g. a memory_limit).
 */
export async function stageSourceProblems(catalog: SourceCatalog, descriptor: DescriptorOf<'observations'>, dataDir: string, duckdb: Record<string, string> = {}, territory?: RegisterTerritory): Promise<{ errors: SourceError[]; total: number; stored: number }> {
  return withStagedSource(catalog, descriptor, dataDir, territory, duckdb, async (connection) => {
    const stored = Number((await connection.runAndReadAll('SELECT count(*) FROM stage_error')).getRows()[0]![0]);
    return { ...(await readStageErrors(connection)), stored };
  });
}

async function withStagedSource<T>(catalog: SourceCatalog, descriptor: DescriptorOf<'observations'>, dataDir: string, territory: RegisterTerritory | undefined, duckdb: Record<string, string>,
  inspect: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const digests = await Promise.all((await resolveSourceFiles(descriptor, dataDir)).map((file) => digestSourceFile(file, dataDir)));
  const instance = await DuckDBInstance.create(':memory:', duckdb);
  const connection = await instance.connect();
  try {
    await runStatements(connection, work);
    await runStatements(connection, cells);
    await stageObservationSources(connection, { ...catalog, sources: [descriptor] }, () => digests, dataDir, silentProgress, new FileIds(), territory);
    return await inspect(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
