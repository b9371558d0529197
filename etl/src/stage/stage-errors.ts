/**
 * Turns the problems the load's SQL found (stage_error) into the project's SourceErrors: the first few,
 * ordered by file and position, each with its physical line located in the file, and the total count
 * (with those only counted, in stage_error_unlisted).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAX_REPORTED_ERRORS, SourceError, SourceErrors } from '../sources/errors.js';
import { recordLines } from './record-lines.js';

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
  const rows = (await connection.runAndReadAll(
    `SELECT file_id, CAST(record AS INTEGER) AS record, line, column_index, rule, explanation,
            CAST(count(*) OVER () + (SELECT coalesce(sum(problems), 0) FROM stage_error_unlisted) AS BIGINT) AS total
     FROM stage_error ORDER BY file_id, coalesce(record, line, 0), column_index LIMIT ${MAX_REPORTED_ERRORS}`,
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
    lines.set(fileId, await recordLines(file.read_path, file.first_line, records));
  }
  const lineOf = (fileId: number, record: number) => lines.get(fileId)?.get(record) ?? 0;

  const errors = rows.map((row) => {
    const file = files.get(row.file_id)!;
    const explanation = row.explanation.replace(REFERENCE, (_, sameFile: string | undefined, otherFile: string | undefined, otherRecord: string | undefined) =>
      sameFile !== undefined ? `line ${lineOf(row.file_id, Number(sameFile))}` : `${files.get(Number(otherFile))!.path}:${lineOf(Number(otherFile), Number(otherRecord))}`,
    );
    const line = row.record !== null ? lineOf(row.file_id, row.record) : (row.line ?? 0);
    return new SourceError({ file: file.path, line, column: row.column_index, rule: row.rule, explanation });
  });
  return { errors, total: Number(rows[0]!.total) };
}
