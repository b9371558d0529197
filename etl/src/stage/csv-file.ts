/**
 * Stages one published CSV file in DuckDB: Node reads only its head (title lines and header, to find the
 * columns by name as published), transcodes windows-1252 to a temporary UTF-8 copy as a stream (DuckDB
 * reads UTF-8 and latin-1 only), and DuckDB's CSV reader loads every row as text into a temporary table
 * `raw_<fileId>` with columns c1…cN. Rows DuckDB rejects become the project's file:line:column errors.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { printable } from '../sources/csv.js';
import type { ParseOptions } from '../sources/descriptor.js';
import { excerpt, SourceError } from '../sources/errors.js';
import { readTable, type ColumnNames } from '../sources/table.js';
import { decodeSourceText, decodeWindows1252 } from '../sources/text.js';
import { checkingOneByteText, firstNotTextInFile } from './file-encoding.js';
import { runChecks } from './stage-errors.js';

/** Enough of a file to hold its title lines and header. */
const HEAD_BYTES = 1 << 20;
const LF = 0x0a;

export interface CsvFileToStage {
  readonly fileId: number;
  readonly absolutePath: string;
  /** Relative to the data folder, as messages name it. */
  readonly relativePath: string;
  readonly parse: ParseOptions;
  readonly columns: Readonly<Record<string, ColumnNames | undefined>>;
  /** ISTAT's POSAS/STRASA shape: further quoted one-cell title lines may precede the header. */
  readonly istatTitles?: boolean;
  /** Where a transcoded copy may be written. */
  readonly workDir: string;
}

export interface DescribedCsvFile {
  readonly readPath: string;
  /** The lines before the header (ISTAT's quoted titles), as text. */
  readonly titles: readonly string[];
  /** Physical line of the header, and the first line after it. */
  readonly headerLine: number;
  readonly firstDataLine: number;
  readonly width: number;
  /** 1-based field index and published name of each requested column. */
  column(key: string): { readonly index: number; readonly name: string };
}

export interface StagedCsvFile extends DescribedCsvFile {
  readonly table: string;
}

/** Finds the header and the requested columns in the file's head; transcodes windows-1252. */
export async function describeCsvFile(file: CsvFileToStage): Promise<DescribedCsvFile> {
  const { parse } = file;
  const head = await readHead(file.absolutePath);
  const headText = decodeSourceText(file.relativePath, head, parse.encoding);
  const table = readTable(file.relativePath, headText, { delimiter: parse.delimiter, titleLines: parse.title_lines, columns: file.columns, istatTitlesAndNotes: file.istatTitles ?? false });
  return {
    readPath: parse.encoding === 'windows-1252' ? await transcodeWindows1252(file) : file.absolutePath,
    titles: headText.split('\n', table.headerLine - 1).map((line) => line.trim()),
    headerLine: table.headerLine,
    firstDataLine: table.headerLine + 1,
    width: table.header.length,
    column: (key) => {
      const column = table.column(key);
      return { index: column.index + 1, name: column.name };
    },
  };
}

/** Every row of the file as text into `raw_<fileId>` (c1…cN, in file order: rowid = data record). */
export async function stageCsvFile(connection: DuckDBConnection, file: CsvFileToStage, described?: DescribedCsvFile): Promise<StagedCsvFile> {
  const csv = described ?? (await describeCsvFile(file));
  const name = `raw_${file.fileId}`;
  await readCsv(connection, file, csv.headerLine, () => connection.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM ${readCsvCall(file, csv, {}, true)}`));
  await recordRejects(connection, file, csv.headerLine, csv.width);
  return { ...csv, table: name };
}

/**
 * DuckDB's reader over the file as SQL, with a type per field (1-based; fields not given are VARCHAR).
 * The path is quoted as an SQL string: it comes from the data folder's listing, never from a request.
 */
export function readCsvCall(file: CsvFileToStage, csv: DescribedCsvFile, types: Readonly<Record<number, string>>, storeRejects: boolean): string {
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const columns = Array.from({ length: csv.width }, (_, i) => `'c${i + 1}': '${types[i + 1] ?? 'VARCHAR'}'`).join(', ');
  const { parse } = file;
  return `read_csv(${literal(csv.readPath)}, header = false, skip = ${csv.headerLine}, delim = ${literal(parse.delimiter)}, quote = '"', escape = '"',
     columns = {${columns}}, auto_detect = false, null_padding = true, nullstr = chr(1), encoding = ${literal(parse.encoding === 'latin-1' ? 'latin-1' : 'utf-8')},
     decimal_separator = ${literal(parse.decimal)}${parse.thousands ? `, thousands = ${literal(parse.thousands)}` : ''}${
       storeRejects ? `, store_rejects = true, rejects_table = 'rejects_${file.fileId}', rejects_scan = 'rejects_scan_${file.fileId}'` : ''})`;
}

const UNTERMINATED_QUOTE = 'a quoted field opened on this line is not closed where expected (a " missing, or one too many); expected each quoted field to end with " before the next delimiter';

/** Runs DuckDB's reader; a file it cannot read at all becomes an error at the line it names. */
export async function readCsv(connection: DuckDBConnection, file: CsvFileToStage, headerLine: number, read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // DuckDB refuses a latin-1 file holding a byte 0x80-0x9F, but does not say where: found as in the head.
    if (file.parse.encoding === 'latin-1' && /File is not latin-1 encoded/.test(message)) throw (await firstNotTextInFile(file, 'latin-1')) ?? error;
    const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
    if (line === undefined) throw error;
    const quoting = /quoted new lines|unterminated quote/i.test(message);
    throw new SourceError({
      file: file.relativePath,
      line: Number(line),
      column: quoting ? 1 : 0,
      rule: quoting ? 'unterminated-quote' : 'malformed-csv',
      explanation: quoting ? UNTERMINATED_QUOTE : `the file cannot be read as CSV after the header on line ${headerLine} (${excerpt((message.split('\n')[1] ?? message).trim(), 120)})`,
    });
  }
}

/** Rows DuckDB could not read (a field too many, bytes that are not text) as stage errors. */
async function recordRejects(connection: DuckDBConnection, file: CsvFileToStage, headerLine: number, width: number): Promise<void> {
  const delimiter = printable(file.parse.delimiter);
  await runChecks(
    connection,
    `INSERT INTO stage_error
     SELECT $file_id, NULL, line, coalesce(column_idx, 0),
            CASE error_type WHEN 'TOO MANY COLUMNS' THEN 'wrong-column-count' WHEN 'INVALID ENCODING' THEN 'bad-encoding' WHEN 'UNQUOTED VALUE' THEN 'unterminated-quote' ELSE 'malformed-csv' END,
            CASE error_type
              WHEN 'TOO MANY COLUMNS' THEN printf('row has more fields than the header on line %d (%d); expected %d fields separated by ''%s'' (does a value hold a ''%s'' without quotes?)', $header_line, $width, $width, $delim, $delim)
              WHEN 'INVALID ENCODING' THEN printf('the row holds bytes that are not valid %s; expected %s as declared in datasets/sources.yaml (parse.encoding)', $encoding, $encoding)
              WHEN 'UNQUOTED VALUE' THEN $unterminated
              ELSE printf('the row cannot be read as CSV (%s); expected fields separated by ''%s'', quoted with "', lower(error_type), $delim)
            END
     FROM (SELECT DISTINCT ON (line) * FROM rejects_${file.fileId} ORDER BY line, column_idx)`,
    { file_id: file.fileId, header_line: headerLine, width, delim: delimiter, encoding: file.parse.encoding, unterminated: UNTERMINATED_QUOTE },
  );
  await connection.run(`INSERT INTO stage_rejected_line SELECT DISTINCT $file_id, line FROM rejects_${file.fileId}`, { file_id: file.fileId });
  await connection.run(`DROP TABLE IF EXISTS rejects_${file.fileId}; DROP TABLE IF EXISTS rejects_scan_${file.fileId}`);
}

/** The first bytes of a file, cut after its last complete line so no character is split. */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    if (bytesRead < HEAD_BYTES) return buffer.subarray(0, bytesRead);
    const lastLineEnd = buffer.lastIndexOf(LF);
    return buffer.subarray(0, lastLineEnd === -1 ? bytesRead : lastLineEnd + 1);
  } finally {
    await handle.close();
  }
}

/**
 * windows-1252 is one byte per character, so each chunk decodes on its own; each is checked first as the
 * head is, as no reader checks the copy's text after. A file that fails leaves no copy behind.
 */
async function transcodeWindows1252(file: CsvFileToStage): Promise<string> {
  const target = path.join(file.workDir, `file-${file.fileId}.utf8.csv`);
  try {
    await pipeline(
      createReadStream(file.absolutePath),
      checkingOneByteText(file, 'windows-1252'),
      new Transform({ transform: (chunk: Buffer, _encoding, done) => done(null, Buffer.from(decodeWindows1252(chunk), 'utf8')) }),
      createWriteStream(target),
    );
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  return target;
}
