/** The rows of a file read cell by cell, as the layouts' SQL reads them, and the checks every such file has. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSqlBeside, type SqlParams } from '../db/sql-file.js';
import type { StagedCsvFile } from './csv-file.js';
import { runChecks } from './stage-errors.js';

const ROWS_SQL = readSqlBeside(import.meta.url, 'sql/rows.sql');

/**
 * The views stage_rows over a raw table (one_cell: a note line; first_missing: the first field missing,
 * if any) and stage_data (its data rows; with `endsAtNote`, those before ISTAT's first note line), then the
 * checks every file read cell by cell has first (rows.sql).
 */
export async function stageRows(connection: DuckDBConnection, staged: StagedCsvFile, cells: string, endsAtNote: boolean, params: SqlParams): Promise<void> {
  const firstMissing = `coalesce(${Array.from({ length: staged.width }, (_, i) => `CASE WHEN c${i + 1} IS NULL THEN ${i + 1} END`).join(', ')})`;
  await connection.run(`CREATE OR REPLACE TEMP VIEW stage_rows AS SELECT rowid AS record, (${oneCellSql(staged.width)}) AS one_cell, ${firstMissing} AS first_missing, ${cells} FROM ${staged.table}`);
  await connection.run(
    endsAtNote
      ? `CREATE OR REPLACE TEMP VIEW stage_data AS SELECT * FROM stage_rows WHERE record < coalesce((SELECT min(record) FROM stage_rows WHERE one_cell), 9223372036854775807)`
      : `CREATE OR REPLACE TEMP VIEW stage_data AS SELECT * FROM stage_rows`,
  );
  await runChecks(connection, ROWS_SQL, params);
}

/** A line giving its first field alone (ISTAT's "Nota: …"), over a raw table of `width` fields c1…cN. */
export function oneCellSql(width: number): string {
  return Array.from({ length: width - 1 }, (_, i) => `c${i + 2} IS NULL`).join(' AND ') || 'true';
}

/** The trimmed text of fields (1-based) under the names a layout's SQL reads. */
export function namedCells(cells: Readonly<Record<string, number>>): string {
  return Object.entries(cells).map(([alias, index]) => `trim(c${index}) AS ${alias}`).join(', ');
}
