/**
 * The POSAS/STRASA layout's SQL (sql/age-sex-fast.sql, sql/age-sex.sql) on a file that repeats its comuni
 * many times over (a big file written again and again), within a memory_limit far below what the rows
 * take: the work must spill, and no comune's rows may be gathered whole into one list (a list is held in
 * memory). The rows are generated in DuckDB, as the CSV reader would give them, so the test can afford
 * millions of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSqlBeside, runStatements } from '../db/sql-file.js';
import { formatNote, numberPatternSource } from '../sources/cells.js';
import { MAX_REPORTED_ERRORS } from '../sources/errors.js';

const COMUNI = 2;
const COPIES = 10_000;
/** Rows per copy: each comune's ages 0…100 and its 999 row. */
const ROWS = COMUNI * 102;
const MEMORY_LIMIT = '64MB';

let tempDir: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-spill-'));
  instance = await DuckDBInstance.create(':memory:', { memory_limit: MEMORY_LIMIT, temp_directory: tempDir, preserve_insertion_order: 'true', threads: '2' });
  connection = await instance.connect();
  await runStatements(connection, readSqlBeside(import.meta.url, 'sql/work-schema.sql'));
  await runStatements(connection, readSqlBeside(import.meta.url, 'sql/cells.sql'));
  // Comune c (018001, 018002), age a (0…100, then 999: 101 men and 202 women in all ages), copy after copy.
  await connection.run(`CREATE TEMP TABLE generated AS
    SELECT n AS record, printf('%06d', 18001 + (n % ${ROWS}) // 102) AS code, CASE WHEN n % 102 = 101 THEN 999 ELSE n % 102 END AS age
    FROM range(0, ${ROWS * COPIES}) t(n)`);
});
afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(tempDir, { recursive: true, force: true });
});

const params = (fileId: number) => ({
  file_id: fileId, source_id: 'istat_posas', year: 2024, variable: 'pop_res', listed: MAX_REPORTED_ERRORS,
  pattern: numberPatternSource({ decimal: '.' }), thousands: '', format_note: formatNote({ decimal: '.' }),
  code_column: 1, code_header: 'Codice comune', age_column: 3, age_header: 'Età',
  male_column: 4, male_header: 'Totale maschi', female_column: 5, female_header: 'Totale femmine', total_column: 6, total_header: 'Totale',
});

describe(`a POSAS file repeating ${COMUNI} comuni ${COPIES.toLocaleString('en')} times (${(ROWS * COPIES).toLocaleString('en')} rows) within memory_limit ${MEMORY_LIMIT}`, () => {
  it('is found not clean by the one-pass reading', async () => {
    await connection.run(`CREATE OR REPLACE TEMP VIEW fast_rows AS
      SELECT code AS code_t, age, CASE WHEN age = 999 THEN 101 ELSE 1 END::DOUBLE AS male, CASE WHEN age = 999 THEN 202 ELSE 2 END::DOUBLE AS female,
             CASE WHEN age = 999 THEN 303 ELSE 3 END::DOUBLE AS total, false AS one_cell
      FROM generated ORDER BY record`);
    await runStatements(connection, readSqlBeside(import.meta.url, 'sql/age-sex-fast.sql'));
    const [problems, comuni] = (await connection.runAndReadAll('SELECT problems, comuni FROM fast_verdict')).getRows()[0]!.map(Number);
    expect(problems).toBeGreaterThan(0);
    expect(comuni).toBeLessThanOrEqual(COMUNI);
  });

  it('is refused cell by cell at every repeated row, none of them kept', async () => {
    await connection.run(`CREATE OR REPLACE TEMP VIEW stage_data AS
      SELECT record, false AS one_cell, NULL::INTEGER AS first_missing, code AS code_t, CAST(age AS VARCHAR) AS age_t,
             CASE WHEN age = 999 THEN '101' ELSE '1' END AS male_t, CASE WHEN age = 999 THEN '202' ELSE '2' END AS female_t, CASE WHEN age = 999 THEN '303' ELSE '3' END AS total_t
      FROM generated`);
    await runStatements(connection, readSqlBeside(import.meta.url, 'sql/age-sex.sql'), params(2));
    const count = async (sql: string) => Number((await connection.runAndReadAll(sql)).getRows()[0]![0]);
    const listed = await count(`SELECT count(*) FROM stage_error WHERE file_id = 2 AND rule = 'duplicate-key'`);
    const unlisted = await count('SELECT coalesce(sum(problems), 0) FROM stage_error_unlisted WHERE file_id = 2');
    expect(listed + unlisted).toBe((COPIES - 1) * ROWS);
    expect(await count(`SELECT min(record) FROM stage_error WHERE file_id = 2 AND rule = 'duplicate-key'`)).toBe(ROWS);
    expect(await count('SELECT count(*) FROM ages_raw WHERE file_id = 2')).toBe(0);
  });
});
