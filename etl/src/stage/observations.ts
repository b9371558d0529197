/**
 * Stages every observations source of the catalogue in DuckDB, file by file: the CSV reader loads the
 * rows as text, then the layout's SQL checks every cell and writes the values into obs_raw. No value
 * passes through JavaScript. Problems are gathered in stage_error and reported together at the end.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSqlBeside, runStatements } from '../db/sql-file.js';
import type { Progress } from '../progress.js';
import { formatNote, numberPatternSource } from '../sources/cells.js';
import type { AgeSexObservationsDescriptor, SourceCatalog, WideObservationsDescriptor } from '../sources/descriptor.js';
import type { FileDigest } from '../sources/files.js';
import { bandRange } from './bands.js';
import { excerpt, MAX_REPORTED_ERRORS, SourceError } from '../sources/errors.js';
import { namedCells, oneCellSql, stageRows } from './rows.js';
import { describeCsvFile, readCsvCall, stageCsvFile, type CsvFileToStage, type DescribedCsvFile, type StagedCsvFile } from './csv-file.js';
import { stageRegisterFile, type RegisterTerritory } from './register.js';
import { runChecks } from './stage-errors.js';

const SQL = {
  ageSex: readSqlBeside(import.meta.url, 'sql/age-sex.sql'),
  ageSexFast: readSqlBeside(import.meta.url, 'sql/age-sex-fast.sql'),
  ageSexFastKeep: readSqlBeside(import.meta.url, 'sql/age-sex-fast-keep.sql'),
  agesDuplicates: readSqlBeside(import.meta.url, 'sql/ages-duplicates.sql'),
  codes: readSqlBeside(import.meta.url, 'sql/codes.sql'),
  wide: readSqlBeside(import.meta.url, 'sql/wide.sql'),
  duplicates: readSqlBeside(import.meta.url, 'sql/duplicates.sql'),
  fileEnd: readSqlBeside(import.meta.url, 'sql/file-end.sql'),
};

export class FileIds {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

export async function stageObservationSources(
  connection: DuckDBConnection,
  catalog: SourceCatalog,
  filesOf: (sourceId: string) => readonly FileDigest[],
  workDir: string,
  progress: Progress,
  ids: FileIds,
  /** The comuni that register names are matched onto; needed only by registers with comune names. */
  territory?: RegisterTerritory,
): Promise<void> {
  /** Files read in one pass, to read again cell by cell should a later file repeat their comuni. */
  const readInOnePass = new Map<number, () => Promise<void>>();
  for (const descriptor of catalog.sources) {
    if (descriptor.role !== 'observations') continue;
    for (const digest of filesOf(descriptor.id)) {
      try {
        const started = performance.now();
        const fileId = ids.take();
        if (descriptor.layout === 'register') {
          await stageRegisterFile(connection, { catalog, descriptor, digest, fileId, workDir, progress, territory });
          continue;
        }
        const year = descriptor.layout === 'istat_age_sex' ? yearFromFileName(digest.path, descriptor.year_from_file) : null;
        const file: CsvFileToStage = {
          fileId,
          absolutePath: digest.absolutePath,
          relativePath: digest.path,
          parse: descriptor.parse,
          columns: descriptor.layout === 'istat_age_sex' ? descriptor.columns : wideColumns(descriptor),
          istatTitles: descriptor.layout === 'istat_age_sex',
          workDir,
        };
        const csv = await describeCsvFile(file);
        if (year !== null) checkTitleYear(digest.path, csv.titles, year);
        await connection.run(
          `INSERT INTO stage_file (file_id, source_id, path, read_path, first_line, sha256, bytes, year) VALUES ($id, $source, $path, $read_path, $first_line, $sha256, $bytes, $year)`,
          { id: fileId, source: descriptor.id, path: digest.path, read_path: csv.readPath, first_line: csv.firstDataLine, sha256: digest.sha256, bytes: digest.bytes, year },
        );
        if (descriptor.layout === 'istat_age_sex') {
          const kind = variableKind(catalog, descriptor.values[0].variable);
          if (kind !== 'count') throw new Error(`source ${descriptor.id}: the istat_age_sex layout reads residents, a count; ${descriptor.values[0].variable} is a ${kind}`);
          const diagnose = () => stageAgeSexByCell(connection, descriptor, file, csv, year!);
          if (await stageAgeSexInOnePass(connection, descriptor, file, csv, year!)) readInOnePass.set(fileId, diagnose);
          else await diagnose();
        } else {
          const staged = await stageCsvFile(connection, file, csv);
          await stageWide(connection, descriptor, staged, fileId, catalog);
          await runStatements(connection, SQL.codes, formatParams(descriptor, csv, fileId));
          await connection.run(`DROP VIEW stage_wide; DROP VIEW stage_data; DROP VIEW stage_rows; DROP TABLE ${staged.table}`);
        }
        await runChecks(connection, SQL.fileEnd, formatParams(descriptor, csv, fileId));
        const rows = await scalar(connection, `SELECT rows_read FROM stage_file WHERE file_id = ${fileId}`);
        progress.step(`read ${descriptor.id}: ${digest.path}: ${rows.toLocaleString('en')} rows in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        throw namingTheFile(digest.path, error);
      }
    }
  }
  await runChecks(connection, SQL.duplicates);
  // A comune repeated across files is reported with the lines of both: files read in one pass know no
  // lines, so those involved are read again cell by cell first.
  const repeated = (await connection.runAndReadAll(
    `SELECT DISTINCT file_id FROM ages_raw WHERE record IS NULL AND (source_id, code, year, variable) IN (
       SELECT (source_id, code, year, variable) FROM ages_raw GROUP BY ALL HAVING count(DISTINCT file_id) > 1)`,
  )).getRows().map(([id]) => Number(id));
  for (const fileId of repeated) {
    await connection.run(`DELETE FROM ages_raw WHERE file_id = ${fileId}; DELETE FROM stage_code WHERE file_id = ${fileId}`);
    await readInOnePass.get(fileId)!();
  }
  await runChecks(connection, SQL.agesDuplicates);
}

/**
 * DuckDB stopping for want of memory names no file: it becomes an error about the file being read, with
 * the setting that bounds it. Every other error passes unchanged.
 */
export function namingTheFile(file: string, error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/^Out of Memory Error/i.test(message)) return error;
  return new SourceError({
    file,
    line: 0,
    column: 0,
    rule: 'out-of-memory',
    explanation: `the load ran out of memory while reading this file (DuckDB: ${excerpt(message.split('\n')[0]!, 160)}); expected it to fit in DuckDB's memory_limit, spilling to disk: raise OSSERVATORIO_ETL_MEMORY (e.g. 3GB), free disk space in the state folder, or check it is the file as published`,
  });
}

function variableKind(catalog: SourceCatalog, variable: string): string {
  return catalog.variables[variable]!.kind;
}

function formatParams(descriptor: WideObservationsDescriptor | AgeSexObservationsDescriptor, staged: DescribedCsvFile, fileId: number) {
  const { parse } = descriptor;
  const code = staged.column('code');
  return {
    file_id: fileId,
    source_id: descriptor.id,
    pattern: numberPatternSource(parse),
    thousands: parse.thousands ?? '',
    format_note: formatNote(parse),
    code_column: code.index,
    code_header: code.name,
    header_line: staged.headerLine,
    width: staged.width,
    delim: parse.delimiter,
    /** How many of a rule's problems are worded: as many as a message lists. */
    listed: MAX_REPORTED_ERRORS,
  };
}


/**
 * A clean file in one pass: DuckDB's reader parses the numbers and one aggregation checks them; true
 * when the file passed every check and its values were kept.
 */
async function stageAgeSexInOnePass(connection: DuckDBConnection, descriptor: AgeSexObservationsDescriptor, file: CsvFileToStage, csv: DescribedCsvFile, year: number): Promise<boolean> {
  const [code, age, male, female, total] = (['code', 'age', 'male', 'female', 'total'] as const).map((key) => csv.column(key).index) as [number, number, number, number, number];
  const read = readCsvCall(file, csv, { [age]: 'BIGINT', [male]: 'DOUBLE', [female]: 'DOUBLE', [total]: 'DOUBLE' }, true);
  // The code as published: one with spaces around fails the code check and is read cell by cell, which trims.
  // one_cell as the cell-by-cell reading has it: a note line gives its first field only.
  await connection.run(`CREATE OR REPLACE TEMP VIEW fast_rows AS SELECT c${code} AS code_t, c${age} AS age, c${male} AS male, c${female} AS female, c${total} AS total, (${oneCellSql(csv.width)}) AS one_cell FROM ${read}`);
  try {
    try {
      await runStatements(connection, SQL.ageSexFast);
    } catch {
      return false; // what DuckDB cannot read at all, the cell-by-cell reading reports
    }
    const [problems, comuni] = (await connection.runAndReadAll('SELECT problems, comuni FROM fast_verdict')).getRows()[0]!.map(Number) as [number, number];
    const rejects = await scalar(connection, `SELECT count(*) FROM rejects_${file.fileId}`);
    if (problems > 0 || rejects > 0 || comuni === 0) return false;
    await runStatements(connection, SQL.ageSexFastKeep, { ...formatParams(descriptor, csv, file.fileId), year, variable: descriptor.values[0].variable });
    return true;
  } finally {
    await connection.run(`DROP VIEW fast_rows; DROP TABLE IF EXISTS fast_ages; DROP TABLE IF EXISTS fast_comune; DROP TABLE IF EXISTS fast_verdict; DROP TABLE IF EXISTS rejects_${file.fileId}; DROP TABLE IF EXISTS rejects_scan_${file.fileId}`);
  }
}

/** Every cell of the file checked on its own, to report each problem at its line and column. */
async function stageAgeSexByCell(connection: DuckDBConnection, descriptor: AgeSexObservationsDescriptor, file: CsvFileToStage, csv: DescribedCsvFile, year: number): Promise<void> {
  const read = await stageCsvFile(connection, file, csv);
  // age-sex.sql drops the file's text as soon as it has checked every cell: it knows it by this name.
  await connection.run(`ALTER TABLE ${read.table} RENAME TO stage_raw`);
  const staged = { ...read, table: 'stage_raw' };
  const [age, male, female, total] = (['age', 'male', 'female', 'total'] as const).map((key) => staged.column(key));
  const params = {
    ...formatParams(descriptor, staged, file.fileId),
    year,
    variable: descriptor.values[0].variable,
    age_column: age!.index,
    age_header: age!.name,
    male_column: male!.index,
    male_header: male!.name,
    female_column: female!.index,
    female_header: female!.name,
    total_column: total!.index,
    total_header: total!.name,
  };
  await stageRows(connection, staged, namedCells({ code_t: staged.column('code').index, age_t: age!.index, male_t: male!.index, female_t: female!.index, total_t: total!.index }), true, params);
  await runChecks(connection, SQL.ageSex, params);
  await connection.run(`DROP VIEW stage_data; DROP VIEW stage_rows`);
}

function wideColumns(descriptor: WideObservationsDescriptor): Record<string, readonly string[] | undefined> {
  const columns: Record<string, readonly string[] | undefined> = { code: descriptor.columns.code };
  descriptor.values.forEach((value, i) => {
    columns[`value${i}`] = value.column;
    columns[`year${i}`] = value.year_column;
  });
  return columns;
}

async function stageWide(connection: DuckDBConnection, descriptor: WideObservationsDescriptor, staged: StagedCsvFile, fileId: number, catalog: SourceCatalog): Promise<void> {
  const cells: Record<string, number> = { code_t: staged.column('code').index };
  descriptor.values.forEach((value, i) => {
    cells[`value${i}_t`] = staged.column(`value${i}`).index;
    if (value.year_column) cells[`year${i}_t`] = staged.column(`year${i}`).index;
  });
  await stageRows(connection, staged, namedCells(cells), false, formatParams(descriptor, staged, fileId));
  await connection.run(
    `CREATE OR REPLACE TEMP VIEW stage_wide AS ${descriptor.values
      .map((value, i) => `SELECT record, first_missing, code_t, ${i} AS value_index, value${i}_t AS value_t, ${value.year_column ? `year${i}_t` : 'CAST(NULL AS VARCHAR)'} AS year_t FROM stage_data`)
      .join(' UNION ALL ')}`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE stage_wide_spec (value_index INTEGER, column_index INTEGER, header VARCHAR, variable VARCHAR, kind VARCHAR, sex VARCHAR, age_from SMALLINT, age_to SMALLINT, year INTEGER, year_column INTEGER, year_header VARCHAR)`);
  for (const [i, value] of descriptor.values.entries()) {
    const column = staged.column(`value${i}`);
    const yearColumn = value.year_column ? staged.column(`year${i}`) : null;
    const [from, to] = bandRange(value.age_band);
    await connection.run(`INSERT INTO stage_wide_spec VALUES ($i, $column, $header, $variable, $kind, $sex, $from, $to, $year, $year_column, $year_header)`, {
      i,
      column: column.index,
      header: column.name,
      variable: value.variable,
      kind: variableKind(catalog, value.variable),
      sex: value.sex,
      from,
      to,
      year: value.year ?? null,
      year_column: yearColumn?.index ?? null,
      year_header: yearColumn?.name ?? null,
    });
  }
  await runChecks(connection, SQL.wide, formatParams(descriptor, staged, fileId));
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

function yearFromFileName(file: string, pattern: string): number {
  const name = path.posix.basename(file);
  const year = new RegExp(pattern).exec(name)?.[1];
  if (year === undefined || !/^\d{4}$/.test(year)) {
    throw new SourceError({ file, line: 0, column: 0, rule: 'no-year', explanation: `the file name "${name}" does not give the year through year_from_file /${pattern}/; expected a name like POSAS_2025_it_Comuni.csv` });
  }
  return Number(year);
}

/**
 * ISTAT's title line names the reference date ("… al 1° gennaio 2025"): one that names another year than
 * the file name is a file of one date saved under another's name, so its values would land on a wrong year.
 */
function checkTitleYear(file: string, titles: readonly string[], year: number): void {
  titles.forEach((title, index) => {
    const named = [...title.matchAll(/\b(1[89]\d\d|2[01]\d\d)\b/g)].map((m) => Number(m[1]));
    const other = named.find((y) => y !== year);
    if (other === undefined) return;
    throw new SourceError({
      file,
      line: index + 1,
      column: title.indexOf(String(other)) + 1,
      rule: 'mixed-reference-dates',
      explanation: `the title says ${other} but the file name says ${year}; expected one reference date: rename the file after the year of its title, or get the edition of ${year}`,
    });
  });
}
