/**
 * Writes one sheet of an XLSX workbook as a UTF-8 CSV, streaming (exceljs's WorkbookReader: the workbook
 * is never held in memory), so that DuckDB stages it like any published CSV. Line N of the CSV is row N
 * of the sheet and field K is its column K (A = 1): every later message about a cell names the row and
 * column a user sees in a spreadsheet program. Rows above the header are written as empty lines.
 *
 * Cells: numbers as numbers, text as text, dates as ISO dates (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with a
 * time), booleans as TRUE/FALSE. A formula is read by the result the workbook saved with it, as a
 * spreadsheet program shows it (registers are often exported with totals computed by formulas); the
 * number of such cells is reported as a progress note. Refused, naming sheet!cell: merged cells in the
 * header or below it [merged-cells] (their value is in one cell only, so the others would read as
 * empty), a formula without a saved result [formula], an error value such as #N/A [cell-error].
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { listZipEntries, streamZipEntry, type ZipEntry } from '../fetch/zip.js';
import { MAX_REPORTED_ERRORS, SourceError, SourceErrors } from '../sources/errors.js';

export interface SheetToWrite {
  readonly absolutePath: string;
  /** Relative to the data folder, as messages name it. */
  readonly relativePath: string;
  /** By name; undefined: the first sheet of the workbook. */
  readonly sheet: string | undefined;
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** The CSV to write. */
  readonly target: string;
}

export interface WrittenSheet {
  readonly sheet: string;
  /** Formula cells read by their saved result. */
  readonly formulaCells: number;
}

type CellValue = ExcelJS.CellValue;

export async function writeSheetAsCsv(file: SheetToWrite): Promise<WrittenSheet> {
  const reader = new Utf8WorkbookReader(file.absolutePath, file.relativePath, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const seen: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (name !== (file.sheet ?? reader.sheetNames()[0] ?? name)) continue;
      // Leaving the loop closes every entry the reader opened (Utf8WorkbookReader.parse).
      return await writeWorksheet(file, name, worksheet, reader.mergesOf(worksheet));
    }
  } catch (error) {
    if (error instanceof SourceErrors) throw error;
    // A damaged part mostly fails in the XML parser before its CRC is reached: the zip says which part it is.
    const damaged = await firstDamagedPart(file);
    if (damaged !== undefined) throw damaged;
    const message = error instanceof SourceError ? error.explanation : error instanceof Error ? error.message : String(error);
    throw new SourceError({ file: file.relativePath, line: 0, column: 0, rule: 'not-xlsx', explanation: `the file cannot be read as an XLSX workbook (${message.slice(0, 120)}); expected a workbook saved as .xlsx (Excel 2007 or later)` });
  }
  const sheets = reader.sheetNames().length > 0 ? reader.sheetNames() : seen;
  const listed = sheets.map((s) => `"${s}"`).join(', ') || 'none';
  throw new SourceError({
    file: file.relativePath,
    line: 0,
    column: 0,
    rule: 'missing-sheet',
    explanation: file.sheet === undefined ? `the workbook has no sheets; expected the register in its first sheet` : `the workbook has no sheet "${file.sheet}"; its sheets are ${listed} (sheet in datasets/sources.yaml)`,
  });
}

/** The zip-corrupt (or zip-unsupported) error of the workbook's first part that cannot be read to its end intact, if any. */
async function firstDamagedPart(file: SheetToWrite): Promise<SourceError | undefined> {
  let entries: ZipEntry[];
  try {
    entries = await listZipEntries(file.absolutePath, file.relativePath);
  } catch {
    return undefined; // not a zip at all: not a workbook
  }
  for (const entry of entries) {
    try {
      const stream = await streamZipEntry(file.absolutePath, entry, file.relativePath);
      await finished(stream.resume());
    } catch (error) {
      if (error instanceof SourceError) return error;
      throw error;
    }
  }
  return undefined;
}

async function writeWorksheet(file: SheetToWrite, sheet: string, worksheet: ExcelJS.stream.xlsx.WorksheetReader, merges: MergeScan): Promise<WrittenSheet> {
  const problems = new Problems(file.relativePath);
  const out = createWriteStream(file.target, { encoding: 'utf8' });
  let line = 0;
  let width = 0;
  let formulaCells = 0;
  const writeLine = async (text: string) => {
    line += 1;
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  };
  try {
    for await (const row of worksheet) {
      if (row.number < file.headerRow) continue;
      const fields: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const text = cellText(cell.value, (rule, explanation) => problems.add(row.number, column, rule, `sheet "${sheet}", cell ${cell.address}: ${explanation}`));
        if (isFormula(cell.value)) formulaCells += 1;
        fields[column - 1] = text;
      });
      while (fields.length > 0 && (fields[fields.length - 1] ?? '') === '') fields.pop();
      if (row.number === file.headerRow) width = fields.length;
      while (line < row.number - 1) await writeLine('');
      if (fields.length === 0) {
        await writeLine('');
        continue;
      }
      const padded = Array.from({ length: Math.max(width, fields.length) }, (_, i) => csvField(fields[i] ?? ''));
      await writeLine(padded.join(','));
    }
    // A sheet with only titles, or nothing: the header line is still there, empty, for the reader to report.
    while (line < file.headerRow) await writeLine('');
  } finally {
    out.end();
    await finished(out);
  }
  for (const range of merges.ranges()) {
    if (range.lastRow < file.headerRow) continue;
    problems.add(range.firstRow, range.firstColumn, 'merged-cells', `sheet "${sheet}", cells ${range.ref} are merged; expected one value per cell in the header (row ${file.headerRow}) and the rows below it: unmerge them, repeating the value in each cell`);
  }
  problems.throwIfAny();
  return { sheet, formulaCells };
}

function isFormula(value: CellValue): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** The cell as CSV text; problems are reported through `problem`. */
function cellText(value: CellValue, problem: (rule: string, explanation: string) => void): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('error' in value) {
    problem('cell-error', `holds the error ${String(value.error)}; expected a value (fix the formula or the data it reads, then save again)`);
    return '';
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      problem('formula', `the formula =${formula} has no saved result (written by a program that does not compute formulas); expected a value: open and save the file in a spreadsheet program, or paste the values`);
      return '';
    }
    if (typeof result === 'number' && Number.isNaN(result)) {
      problem('cell-error', `the formula =${formula} gives an error value; expected a value (fix the formula or the data it reads, then save again)`);
      return '';
    }
    if (typeof result === 'object' && 'error' in result) {
      problem('cell-error', `the formula =${formula} gives the error ${String((result as { error: unknown }).error)}; expected a value`);
      return '';
    }
    return cellText(result as CellValue, problem);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, problem);
  return '';
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The sheet's problems, each at its row and column, the first few kept and all counted. */
class Problems {
  private readonly kept: SourceError[] = [];
  private total = 0;
  constructor(private readonly file: string) {}
  add(line: number, column: number, rule: string, explanation: string): void {
    this.total += 1;
    if (this.kept.length < MAX_REPORTED_ERRORS) this.kept.push(new SourceError({ file: this.file, line, column, rule, explanation }));
  }
  throwIfAny(): void {
    if (this.total === 0) return;
    const sorted = [...this.kept].sort((a, b) => a.line - b.line || a.column - b.column);
    throw SourceErrors.of(sorted, this.total);
  }
}

interface MergedRange {
  readonly ref: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
}

/**
 * The merged ranges of a sheet (<mergeCell ref="A1:B2"/>, after its rows), which exceljs's streaming
 * reader skips: found in the sheet's XML as it streams past, on its way to the reader.
 */
class MergeScan {
  private readonly refs = new Set<string>();
  private tail = '';

  /** The sheet's XML as text: decoded across chunk boundaries (see Utf8WorkbookReader), and scanned. */
  async *pass(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of chunks) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      this.scan(text);
      yield text;
    }
    const rest = decoder.end();
    if (rest !== '') {
      this.scan(rest);
      yield rest;
    }
  }

  private scan(text: string): void {
    const window = this.tail + text;
    for (const match of window.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g)) this.refs.add(match[1]!);
    this.tail = window.slice(-200);
  }

  ranges(): MergedRange[] {
    return [...this.refs].map((ref) => {
      const [first, last = first] = ref.split(':') as [string, string?];
      const a = cellAddress(first);
      const b = cellAddress(last!);
      return { ref, firstRow: Math.min(a.row, b.row), firstColumn: Math.min(a.column, b.column), lastRow: Math.max(a.row, b.row) };
    });
  }
}

function cellAddress(ref: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...letters!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(digits), column };
}

interface ReaderInternals {
  model?: { sheets?: { name: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

type ReaderEvent = { eventType: string; value: unknown };

/**
 * exceljs 4.4.0's reader, with three changes:
 * - it takes the workbook's parts from the zip's central directory in the order they are needed (the
 *   workbook, its styles and shared strings, then the sheets). The stock reader streams the zip front
 *   to back and, when a sheet comes before the shared strings (as exceljs itself writes them), parks the
 *   sheet in a temporary file under the system's tmp folder, which it opens again later by name: a file
 *   outside the load's control, whose removal by anything else failed a load with a stray ENOENT;
 * - it finds the merged ranges of each sheet;
 * - it decodes the XML as UTF-8 across chunk boundaries: the stock reader decodes each chunk of the
 *   inflated entry on its own, so a letter such as "è" split between two chunks becomes "��" (in long
 *   shared-string tables, most of a register's names). Passing it text instead of bytes is what its own
 *   parser supports (it leaves strings as they are).
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  private readonly merges = new Map<unknown, MergeScan>();

  constructor(
    private readonly archive: string,
    private readonly archiveName: string,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
  ) {
    super(archive, options);
  }

  override async *parse(): AsyncGenerator<ReaderEvent> {
    const entries = await listZipEntries(this.archive, this.archiveName);
    const named = (name: string) => entries.find((entry) => entry.name === name);
    const open = (entry: ZipEntry) => streamZipEntry(this.archive, entry, this.archiveName);
    const self = this as unknown as ReaderInternals;
    for (const [name, read] of [['xl/_rels/workbook.xml.rels', self._parseRels], ['xl/workbook.xml', self._parseWorkbook], ['xl/styles.xml', self._parseStyles]] as const) {
      const entry = named(name);
      if (entry !== undefined) await read.call(this, await open(entry));
    }
    const strings = named('xl/sharedStrings.xml');
    if (strings !== undefined) yield* self._parseSharedStrings(await open(strings)) as AsyncGenerator<ReaderEvent>;
    for (const entry of entries) {
      const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name)?.[1];
      if (sheetNo === undefined) continue;
      const stream = await open(entry);
      try {
        yield* self._parseWorksheet(stream, sheetNo);
      } finally {
        stream.destroy();
      }
    }
  }

  sheetNames(): string[] {
    return ((this as unknown as ReaderInternals).model?.sheets ?? []).map((s) => s.name);
  }

  mergesOf(worksheet: unknown): MergeScan {
    return this.merges.get(worksheet) ?? new MergeScan();
  }

  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return base._parseSharedStrings.call(this, entry.pipe(new PassThrough()).setEncoding('utf8'));
  }

  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<{ eventType: string; value: unknown }> {
    const scan = new MergeScan();
    for (const event of base._parseWorksheet.call(this, scan.pass(iterator), sheetNo)) {
      if (event.eventType === 'worksheet') this.merges.set(event.value, scan);
      yield event;
    }
  }
}
