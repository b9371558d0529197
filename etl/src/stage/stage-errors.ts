/**
 * The problems the load's SQL finds: recorded in stage_error through runChecks, which words only as many
 * of each check as a message lists (counting the rest in stage_error_unlisted), and turned into the
 * project's SourceErrors: the first few, ordered by file and position, each with its physical line
 * located in the file, and the total count.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runStatements, splitStatements, type SqlParams } from '../db/sql-file.js';
import { MAX_REPORTED_ERRORS, SourceError, SourceErrors } from '../sources/errors.js';
import { recordLines, type LinesAfter } from './record-lines.js';

/**
 * Where a problem is, to keep a check's first problems by: file, then record (or line, for what DuckDB's
 * reader refused), then field. A check gives records or lines, never both; the problems of all checks
 * are put in file order once their records' lines are known (readStageErrors).
 */
const POSITION = 'file_id, coalesce(record, line, 0), column_index';

/** Refused lines read at a time while locating records. */
const REFUSED_BATCH = 10_000;

/** A check: `INSERT INTO stage_error <query>`, the query giving stage_error's columns in order. */
const CHECK = /^INSERT INTO stage_error\s+(\S[\s\S]*)$/i;

/**
 * Runs SQL statements in which every check (see CHECK) keeps the first MAX_REPORTED_ERRORS problems of its
 * query by position, worded, and counts the others per file in stage_error_unlisted: a file with a bad
 * value on every row of millions stores as many messages as one lists. DuckDB keeps only the first rows
 * as it goes (a top-N), so the others are never stored. Other statements run unchanged.
 */
export async function runChecks(connection: DuckDBConnection, sql: string, params: SqlParams = {}): Promise<void> {
  for (const statement of splitStatements(sql)) {
    const query = CHECK.exec(statement)?.[1];
    if (query === undefined) await runStatements(connection, statement, params);
    else await runCheck(connection, query, { ...params, listed: MAX_REPORTED_ERRORS });
  }
}

async function runCheck(connection: DuckDBConnection, query: string, params: SqlParams): Promise<void> {
  const problems = `(${query}) AS problem(file_id, record, line, column_index, rule, explanation)`;
  await runStatements(
    connection,
    `CREATE OR REPLACE TEMP TABLE stage_error_listed AS SELECT * FROM stage_error LIMIT 0;
     INSERT INTO stage_error_listed SELECT * FROM ${problems} ORDER BY ${POSITION} LIMIT $listed;
     INSERT INTO stage_error SELECT * FROM stage_error_listed;`,
    params,
  );
  // Only a check that filled its list can have problems left to count: the others cost no second pass.
  const listed = Number((await connection.runAndReadAll('SELECT count(*) FROM stage_error_listed')).getRows()[0]![0]);
  if (listed === MAX_REPORTED_ERRORS) {
    await runStatements(
      connection,
      `INSERT INTO stage_error_unlisted
       SELECT file_id, problems - coalesce(listed, 0)
       FROM (SELECT file_id, count(*) AS problems FROM ${problems} GROUP BY file_id)
       LEFT JOIN (SELECT file_id, count(*) AS listed FROM stage_error_listed GROUP BY file_id) USING (file_id)
       WHERE problems > coalesce(listed, 0)`,
      params,
    );
  }
  await connection.run('DROP TABLE stage_error_listed');
}

interface ErrorRow {
  file_id: number;
  record: number | null;
  line: number | null;
  column_index: number;
  rule: string;
  explanation: string;
  total: bigint;
}

interface FileRow {
  file_id: number;
  path: string;
  read_path: string;
  first_line: number;
}

const REFERENCE = /\{(?:line:(\d+)|at:(\d+):(\d+))\}/g;

/** Throws every problem recorded so far, if any. */
export async function throwStageErrors(connection: DuckDBConnection): Promise<void> {
  const errors = await readStageErrors(connection);
  if (errors.errors.length > 0) throw SourceErrors.of(errors.errors, errors.total);
}

export async function readStageErrors(connection: DuckDBConnection): Promise<{ errors: SourceError[]; total: number }> {
  // Every check kept only its first problems, so all of them are few: each is located, then the first by
  // file, line and field are reported.
  const rows = (await connection.runAndReadAll(
    `SELECT file_id, CAST(record AS INTEGER) AS record, line, column_index, rule, explanation,
            CAST(count(*) OVER () + (SELECT coalesce(sum(problems), 0) FROM stage_error_unlisted) AS BIGINT) AS total
     FROM stage_error ORDER BY ${POSITION}`,
  )).getRowObjectsJS() as unknown as ErrorRow[];
  if (rows.length === 0) return { errors: [], total: 0 };
  const files = new Map(((await connection.runAndReadAll('SELECT file_id, path, read_path, first_line FROM stage_file')).getRowObjectsJS() as unknown as FileRow[]).map((f) => [f.file_id, f]));

  // Every record a message needs, by file: the rows in error and the rows they point back at.
  const wanted = new Map<number, number[]>();
  const want = (fileId: number, record: number) => wanted.set(fileId, [...(wanted.get(fileId) ?? []), record]);
  for (const row of rows) {
    if (row.record !== null) want(row.file_id, row.record);
    for (const [, sameFile, otherFile, otherRecord] of row.explanation.matchAll(REFERENCE)) {
      if (sameFile !== undefined) want(row.file_id, Number(sameFile));
      else want(Number(otherFile), Number(otherRecord));
    }
  }
  const lines = new Map<number, Map<number, number>>();
  for (const [fileId, records] of wanted) {
    const file = files.get(fileId)!;
    lines.set(fileId, await recordLines(file.read_path, file.first_line, records, refusedLines(connection, fileId)));
  }
  const lineOf = (fileId: number, record: number) => lines.get(fileId)?.get(record) ?? 0;

  const errors = rows.map((row) => {
    const file = files.get(row.file_id)!;
    const explanation = row.explanation.replace(REFERENCE, (_, sameFile: string | undefined, otherFile: string | undefined, otherRecord: string | undefined) =>
      sameFile !== undefined ? `line ${lineOf(row.file_id, Number(sameFile))}` : `${files.get(Number(otherFile))!.path}:${lineOf(Number(otherFile), Number(otherRecord))}`,
    );
    const line = row.record !== null ? lineOf(row.file_id, row.record) : (row.line ?? 0);
    return { fileId: row.file_id, error: new SourceError({ file: file.path, line, column: row.column_index, rule: row.rule, explanation }) };
  });
  errors.sort((a, b) => a.fileId - b.fileId || a.error.line - b.error.line || a.error.column - b.error.column);
  return { errors: errors.slice(0, MAX_REPORTED_ERRORS).map((e) => e.error), total: Number(rows[0]!.total) };
}

function refusedLines(connection: DuckDBConnection, fileId: number): LinesAfter {
  return async (after) =>
    (
      await connection.runAndReadAll(`SELECT CAST(line AS INTEGER) AS line FROM stage_rejected_line WHERE file_id = $file_id AND line > $after ORDER BY line LIMIT ${REFUSED_BATCH}`, { file_id: fileId, after })
    ).getColumnsJS()[0] as number[] ?? [];
}
