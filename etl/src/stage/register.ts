/**
 * Stages one file of a regional register of services (accredited RSA with their beds, nurseries with
 * their places): one row per service unit, as a CSV or a sheet of an XLSX workbook (written as a CSV
 * first, see xlsx-sheet.ts). DuckDB checks every cell (sql/register-rows.sql, sql/register.sql) and sums
 * the values per comune and year. Comuni are given by code, or by name: the distinct names of the file
 * (with their provincia) are matched in Node by comune-names.ts, and the answers written back into a
 * small table that the SQL joins; a name matched to no comune, or to several, is an error at its first
 * row.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSqlBeside, runStatements } from '../db/sql-file.js';
import type { Progress } from '../progress.js';
import { formatNote, numberPatternSource } from '../sources/cells.js';
import {
  buildComuneNameMatcher,
  normaliseComuneName,
  type ComuneNameMatcher,
  type ComuneNameSources,
  type NameCandidate,
  type NameMatch,
} from '../sources/comune-names.js';
import type { ParseOptions, RegisterObservationsDescriptor, SourceCatalog } from '../sources/descriptor.js';
import { excerpt } from '../sources/errors.js';
import type { FileDigest } from '../sources/files.js';
import { describeCsvFile, stageCsvFile, type CsvFileToStage, type StagedCsvFile } from './csv-file.js';
import { runChecks } from './stage-errors.js';
import { stageRows } from './rows.js';

const SQL = {
  rows: readSqlBeside(import.meta.url, 'sql/register-rows.sql'),
  values: readSqlBeside(import.meta.url, 'sql/register.sql'),
  fileEnd: readSqlBeside(import.meta.url, 'sql/file-end.sql'),
  covers: readSqlBeside(import.meta.url, 'sql/register-covers.sql'),
};

/** What register names are matched onto: the load's comuni, their history and the provinces. */
export interface RegisterTerritory extends Required<ComuneNameSources> {
  /** The sigla (PV) is optional: the province source may not give it. */
  readonly province: readonly { readonly code: string; readonly name: string; readonly sigla?: string | null }[];
}

export interface RegisterFileToStage {
  readonly catalog: SourceCatalog;
  readonly descriptor: RegisterObservationsDescriptor;
  readonly digest: FileDigest;
  readonly fileId: number;
  readonly workDir: string;
  readonly progress: Progress;
  readonly territory: RegisterTerritory | undefined;
}

/** An XLSX sheet is written as a CSV with these options. */
const SHEET_CSV: Omit<ParseOptions, 'title_lines'> = { delimiter: ',', encoding: 'utf-8', decimal: '.' };

const matchers = new WeakMap<RegisterTerritory, ComuneNameMatcher>();

export async function stageRegisterFile(connection: DuckDBConnection, file: RegisterFileToStage): Promise<void> {
  const { descriptor, digest, fileId, catalog } = file;
  const started = performance.now();
  for (const value of descriptor.values) {
    const kind = catalog.variables[value.variable]!.kind;
    if (kind !== 'count') throw new Error(`source ${descriptor.id}: the register layout sums counts per comune; ${value.variable} is a ${kind}`);
  }
  const byName = descriptor.columns.comune_code === undefined;
  if (byName && file.territory === undefined) throw new Error(`source ${descriptor.id}: matching comune names needs the comuni of the load (pass the territory to stageObservationSources)`);

  let readFrom = digest.absolutePath;
  let parse = descriptor.parse;
  let note = '';
  if (descriptor.format === 'xlsx') {
    const headerRow = descriptor.header_row ?? 1;
    readFrom = path.join(file.workDir, `file-${fileId}.sheet.csv`);
    // Imported here: the spreadsheet reader's modules take a fifth of a second to load, and most loads read no spreadsheet.
    const { writeSheetAsCsv } = await import('./xlsx-sheet.js');
    const written = await writeSheetAsCsv({ absolutePath: digest.absolutePath, relativePath: digest.path, sheet: descriptor.sheet, headerRow, target: readFrom });
    parse = { ...SHEET_CSV, title_lines: headerRow - 1 };
    note = ` (sheet "${written.sheet}"${written.formulaCells > 0 ? `, ${written.formulaCells} formula cells read by their saved results` : ''})`;
  }
  const { columns } = descriptor;
  const toStage: CsvFileToStage = {
    fileId,
    absolutePath: readFrom,
    relativePath: digest.path,
    parse: parse!,
    columns: {
      code: columns.comune_code,
      name: byName ? columns.comune_name : undefined,
      provincia: byName ? columns.provincia : undefined,
      type: columns.type,
      year: descriptor.year_column,
      ...Object.fromEntries(descriptor.values.map((v, i) => [`value${i}`, v.column])),
    },
    workDir: file.workDir,
  };
  const csv = await describeCsvFile(toStage);
  await connection.run(
    `INSERT INTO stage_file (file_id, source_id, path, read_path, first_line, sha256, bytes, year) VALUES ($id, $source, $path, $read_path, $first_line, $sha256, $bytes, $year)`,
    { id: fileId, source: descriptor.id, path: digest.path, read_path: csv.readPath, first_line: csv.firstDataLine, sha256: digest.sha256, bytes: digest.bytes, year: descriptor.year ?? null },
  );
  const staged = await stageCsvFile(connection, toStage, csv);
  await connection.run('CREATE OR REPLACE TEMP TABLE register_filter (type VARCHAR)');
  for (const type of descriptor.filter?.type ?? []) await connection.run('INSERT INTO register_filter VALUES ($type)', { type });
  await connection.run('CREATE OR REPLACE TEMP TABLE register_spec (value_index INTEGER, column_index INTEGER, header VARCHAR, variable VARCHAR)');
  for (const [i, value] of descriptor.values.entries()) {
    const column = staged.column(`value${i}`);
    await connection.run('INSERT INTO register_spec VALUES ($i, $column, $header, $variable)', { i: i + 1, column: column.index, header: column.name, variable: value.variable });
  }
  const code = staged.column(byName ? 'name' : 'code');
  const year = descriptor.year_column ? staged.column('year') : null;
  const params = {
    file_id: fileId,
    source_id: descriptor.id,
    header_line: staged.headerLine,
    width: staged.width,
    delim: parse!.delimiter,
    filtered: descriptor.filter !== undefined,
    by_name: byName,
    code_column: code.index,
    code_header: code.name,
    year: descriptor.year ?? null,
    year_column: year?.index ?? 0,
    year_header: year?.name ?? '',
    pattern: numberPatternSource(parse!),
    thousands: parse!.thousands ?? '',
    format_note: formatNote(parse!),
  };
  try {
    await stageRows(connection, staged, registerCells(staged, toStage.columns, descriptor.values.length), false, params);
    await runStatements(connection, SQL.rows, params);
    if (byName) await matchNames(connection, file.territory!, staged, toStage.columns.provincia !== undefined);
    await runChecks(connection, SQL.values, params);
    if (descriptor.covers !== undefined) await runStatements(connection, SQL.covers, { ...params, covers: descriptor.covers });
    await runChecks(connection, SQL.fileEnd, params);
    const rows = await scalar(connection, `SELECT rows_read FROM stage_file WHERE file_id = ${fileId}`);
    file.progress.step(`read ${descriptor.id}: ${digest.path}${note}: ${rows.toLocaleString('en')} rows${await leftOut(connection, descriptor)} in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await connection.run(
      `DROP VIEW IF EXISTS stage_data; DROP VIEW IF EXISTS stage_rows; DROP TABLE IF EXISTS ${staged.table}; DROP TABLE IF EXISTS register_rows; DROP TABLE IF EXISTS register_left_out; DROP TABLE IF EXISTS register_name_query;
       DROP TABLE IF EXISTS register_name; DROP TABLE IF EXISTS register_row_code; DROP TABLE IF EXISTS register_cells; DROP TABLE IF EXISTS register_filter; DROP TABLE IF EXISTS register_spec`,
    );
  }
}

/** The cells the register reads, by name (NULL when not read); the value cells as one list. */
function registerCells(staged: StagedCsvFile, columns: CsvFileToStage['columns'], values: number): string {
  const cell = (key: string) => (columns[key] === undefined ? 'CAST(NULL AS VARCHAR)' : `trim(c${staged.column(key).index})`);
  const valueCells = Array.from({ length: values }, (_, i) => cell(`value${i}`)).join(', ');
  return `${cell('code')} AS code_t, ${cell('name')} AS name_t, ${cell('provincia')} AS prov_t, ${cell('type')} AS type_t, ${cell('year')} AS year_t, [${valueCells}] AS values_t`;
}

interface NameQueryRow {
  name_t: string | null;
  prov_t: string | null;
  first_record: number;
}

/** Matches the file's distinct (name, provincia) pairs and writes the answers into register_name. */
async function matchNames(connection: DuckDBConnection, territory: RegisterTerritory, staged: StagedCsvFile, withProvincia: boolean): Promise<void> {
  const queries = (await connection.runAndReadAll('SELECT name_t, prov_t, CAST(first_record AS INTEGER) AS first_record FROM register_name_query')).getRowObjectsJS() as unknown as NameQueryRow[];
  const nameColumn = staged.column('name');
  const provinciaColumn = withProvincia ? staged.column('provincia') : null;
  const provinciaOf = provinciaResolver(territory.province);
  let matcher = matchers.get(territory);
  if (matcher === undefined) {
    matcher = buildComuneNameMatcher(territory);
    matchers.set(territory, matcher);
  }
  const appender = await connection.createAppender('register_name', 'main', 'temp');
  const append = (query: NameQueryRow, code: string | null, column: number, rule: string | null, explanation: string | null) => {
    for (const text of [query.name_t, query.prov_t, code]) {
      if (text === null) appender.appendNull();
      else appender.appendVarchar(text);
    }
    appender.appendBigInt(BigInt(query.first_record));
    appender.appendInteger(column);
    for (const text of [rule, explanation]) {
      if (text === null) appender.appendNull();
      else appender.appendVarchar(text);
    }
    appender.endRow();
  };
  const toMatch: { query: NameQueryRow; provinciaCode: string | null }[] = [];
  for (const query of queries) {
    const provincia = query.prov_t ?? '';
    const provinciaCode = provincia === '' ? null : provinciaOf(provincia);
    if (provinciaCode === undefined) {
      append(query, null, provinciaColumn!.index, 'unknown-provincia', `"${excerpt(provincia)}" in column "${provinciaColumn!.name}" is not a provincia; expected its sigla (like PV), its 3-digit code (like 018) or its name`);
    } else {
      toMatch.push({ query, provinciaCode });
    }
  }
  const report = matcher.match(toMatch.map(({ query, provinciaCode }) => ({ name: query.name_t ?? '', provinciaCode })));
  const results = new Map(report.results.map((r) => [`${r.query.name}\u0000${r.query.provinciaCode ?? ''}`, r]));
  for (const { query, provinciaCode } of toMatch) {
    const result = results.get(`${query.name_t ?? ''}\u0000${provinciaCode ?? ''}`)!;
    if (result.status === 'matched') append(query, result.match.code, nameColumn.index, null, null);
    else append(query, null, nameColumn.index, result.status === 'ambiguous' ? 'ambiguous-comune-name' : 'unknown-comune-name', nameExplanation(result, nameColumn.name, query.prov_t, withProvincia));
  }
  appender.flushSync();
  appender.closeSync();
}

function nameExplanation(result: Exclude<NameMatch, { status: 'matched' }>, header: string, provincia: string | null, withProvincia: boolean): string {
  const name = result.query.name;
  if (name.trim() === '') return `the cell in column "${header}" is empty; expected the name of a comune`;
  const listed = (candidates: readonly NameCandidate[]) => candidates.map((c) => `${c.code} ${c.name} (provincia ${c.provinciaCode})`).join(', ');
  const where = provincia ? ` in provincia ${provincia}` : '';
  if (result.status === 'ambiguous') {
    const hint = withProvincia ? 'expected one: check the provincia' : 'expected one: give the provincia (columns.provincia in datasets/sources.yaml)';
    return `"${excerpt(name)}" in column "${header}" names ${result.candidates.length} comuni${where}: ${listed(result.candidates)}; ${hint}`;
  }
  const details = [...result.reasons, ...(result.outOfScope.length > 0 ? [`comuni of this name elsewhere: ${listed(result.outOfScope)}`] : [])];
  return `"${excerpt(name)}" in column "${header}" is not the name of a current comune${where}${details.length > 0 ? ` (${details.join('; ')})` : ''}; expected a comune's name as ISTAT lists it, or an earlier name`;
}

/** A provincia as registers write it: 3-digit code (or fewer digits), sigla, or name; undefined: unknown. */
function provinciaResolver(province: RegisterTerritory['province']): (text: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const p of province) {
    byKey.set(p.code, p.code);
    if (p.sigla) byKey.set(p.sigla.trim().toUpperCase(), p.code);
    byKey.set(normaliseComuneName(p.name), p.code);
  }
  return (text) => {
    const trimmed = text.trim();
    if (/^\d{1,3}$/.test(trimmed)) return byKey.get(trimmed.padStart(3, '0'));
    return byKey.get(trimmed.toUpperCase()) ?? byKey.get(normaliseComuneName(trimmed));
  };
}

/** ", 120 of other types left out (CDI 100, …)", or nothing. */
async function leftOut(connection: DuckDBConnection, descriptor: RegisterObservationsDescriptor): Promise<string> {
  if (descriptor.filter === undefined) return '';
  const rows = (await connection.runAndReadAll('SELECT type, CAST(n_rows AS INTEGER) FROM register_left_out ORDER BY n_rows DESC, type')).getRows() as [string, number][];
  if (rows.length === 0) return '';
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  const shown = rows.slice(0, 5).map(([type, n]) => `${excerpt(type)} ${n}`).join(', ');
  return `, ${total.toLocaleString('en')} of other types left out by the filter (${shown}${rows.length > 5 ? ', …' : ''})`;
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const reader = await connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
