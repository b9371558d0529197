import type { Cell } from './cells.js';
import { lineAt, offsetAfterLines, printable, tokenizeCsv, type CsvRecord } from './csv.js';
import { DELIMITERS, type Delimiter } from './descriptor.js';
import { excerpt, quotedList, SourceError, type SourceErrorCollector } from './errors.js';

/** Accepted names of one column, in order of preference (publishers reword headers between editions). */
export type ColumnNames = readonly string[];

export interface TableOptions<K extends string> {
  readonly delimiter: Delimiter;
  /** Lines before the header. */
  readonly titleLines?: number;
  /** The columns to find, by key; a key absent or mapped to undefined is not read. */
  readonly columns: { readonly [P in K]?: ColumnNames | undefined };
  /**
   * ISTAT's POSAS/STRASA shape: further one-cell quoted title lines may precede the header, and a
   * one-cell line after the data ("Nota: …") ends the data.
   */
  readonly istatTitlesAndNotes?: boolean;
}

export interface TableColumn {
  /** 0-based index of the field. */
  readonly index: number;
  /** The column's name as published, with its whitespace collapsed. */
  readonly name: string;
}

/** A CSV file with its header read and the wanted columns found; rows are read lazily, once. */
export class Table<K extends string> {
  private dataRows = 0;

  constructor(
    readonly file: string,
    readonly headerLine: number,
    readonly header: readonly string[],
    private readonly columns: ReadonlyMap<K, TableColumn>,
    private readonly records: Iterator<CsvRecord>,
    private readonly options: TableOptions<K>,
  ) {}

  /** Data rows read so far (blank lines and notes excluded). */
  get rowsRead(): number {
    return this.dataRows;
  }

  /**
   * Fails when the rows read held no data: a list of comuni that is only a header would otherwise load
   * as an empty territory, and every value of every other source would be reported as an unknown comune.
   */
  requireDataRows(): void {
    if (this.dataRows > 0) return;
    throw new SourceError({
      file: this.file,
      line: this.headerLine,
      column: 0,
      rule: 'empty-file',
      explanation: 'the file has a header but no data rows; expected the rows as published (was the file cut short, or saved from an empty filter?)',
    });
  }

  has(key: K): boolean {
    return this.columns.has(key);
  }

  column(key: K): TableColumn {
    const column = this.columns.get(key);
    if (!column) throw new Error(`column "${key}" was not requested from ${this.file}`);
    return column;
  }

  /** The data rows; a row with the wrong number of fields is reported to `errors` and skipped. */
  *rows(errors: SourceErrorCollector): Generator<TableRow<K>> {
    const named = this.header.findLastIndex((name) => name !== '') + 1;
    for (let next = this.records.next(); !next.done; next = this.records.next()) {
      const record = next.value;
      if (record.fields.length === 1 && !record.quoted[0] && record.fields[0]!.trim() === '') continue;
      if (this.options.istatTitlesAndNotes && record.fields.length === 1) return;
      this.dataRows += 1;
      const problem = this.columnCountProblem(record, named);
      if (problem) errors.add(problem);
      else yield new TableRow(this, record);
    }
  }

  private columnCountProblem(record: CsvRecord, named: number): SourceError | undefined {
    const width = this.header.length;
    const { fields } = record;
    const extra = fields.length > width ? fields.findIndex((field, index) => index >= width && field.trim() !== '') : -1;
    if (fields.length >= named && extra === -1) return undefined;
    const delimiter = printable(this.options.delimiter);
    return new SourceError({
      file: this.file,
      line: record.line,
      column: extra === -1 ? fields.length + 1 : extra + 1,
      rule: 'wrong-column-count',
      explanation:
        extra === -1
          ? `row has ${fields.length} fields but the header on line ${this.headerLine} has ${named}; expected ${named} fields separated by '${delimiter}'`
          : `row has ${fields.length} fields but the header on line ${this.headerLine} has ${width}; expected ${width} fields separated by '${delimiter}' (does a value hold a '${delimiter}' without quotes?)`,
    });
  }
}

export class TableRow<K extends string> {
  constructor(
    private readonly table: Table<K>,
    private readonly record: CsvRecord,
  ) {}

  /** Physical line where the row starts. */
  get line(): number {
    return this.record.line;
  }

  cell(key: K): Cell {
    const { index, name } = this.table.column(key);
    return {
      file: this.table.file,
      line: this.record.fieldLines?.[index] ?? this.record.line,
      column: index + 1,
      header: name,
      text: (this.record.fields[index] ?? '').trim(),
    };
  }
}

/**
 * Reads the header of a CSV text (after its title lines) and finds the requested columns by name:
 * trimmed, case-insensitive, whitespace collapsed, any of the accepted variants.
 */
export function readTable<K extends string>(file: string, text: string, options: TableOptions<K>): Table<K> {
  if (text.trim() === '') {
    throw new SourceError({ file, line: 0, column: 0, rule: 'empty-file', explanation: `the file is empty${text === '' ? '' : ' (blank lines only)'}; expected a header naming the columns and the rows as published (was the download interrupted?)` });
  }
  rejectCrOnlyLineEnds(file, text);
  const { start, line } = findHeader(file, text, options);
  const headerText = lineAt(text, start);
  rejectWrongDelimiter(file, line, headerText, options.delimiter);
  const records = tokenizeCsv(file, text, { delimiter: options.delimiter, start, firstLine: line });
  const first = records.next();
  if (first.done) throw new SourceError({ file, line, column: 0, rule: 'missing-column', explanation: 'the file has no header line; expected a header naming the columns' });
  const header = first.value.fields.map(collapseWhitespace);
  const fieldLine = (index: number) => first.value.fieldLines?.[index] ?? line;
  return new Table(file, line, header, findColumns(file, line, header, options.columns, fieldLine), records, options);
}

function findHeader(file: string, text: string, options: TableOptions<string>): { start: number; line: number } {
  const titleLines = options.titleLines ?? 0;
  let start = offsetAfterLines(text, titleLines);
  let line = titleLines + 1;
  if (options.istatTitlesAndNotes) {
    while (start !== -1 && /^\s*"[^"]*"\s*$/.test(lineAt(text, start))) {
      start = offsetAfterLines(text, 1, start);
      line += 1;
    }
  }
  if (start === -1 || start >= text.length) {
    throw new SourceError({ file, line, column: 0, rule: 'missing-column', explanation: `the file ends before its header (line ${line}, after ${titleLines} title lines); expected a header naming the columns` });
  }
  return { start, line };
}

function rejectWrongDelimiter(file: string, line: number, headerText: string, delimiter: Delimiter): void {
  if (headerText.includes(delimiter)) return;
  const found = DELIMITERS.find((candidate) => headerText.includes(candidate));
  if (found === undefined) return;
  throw new SourceError({
    file,
    line,
    column: 1,
    rule: 'wrong-delimiter',
    explanation: `line ${line} has no '${printable(delimiter)}' but has '${printable(found)}'; expected '${printable(delimiter)}' as declared in datasets/sources.yaml (parse.delimiter)`,
  });
}

/**
 * Old Mac files end lines with CR alone: read as one line, the header would hold the whole file. They
 * are refused rather than accepted because no publisher the project reads writes them: such a file was
 * re-saved by hand, and may have been changed in other ways too.
 */
function rejectCrOnlyLineEnds(file: string, text: string): void {
  const firstLineFeed = text.indexOf('\n');
  const firstLine = firstLineFeed === -1 ? text : text.slice(0, firstLineFeed);
  const loneCr = /\r(?!\n|$)/.exec(firstLine);
  if (loneCr === null) return;
  throw new SourceError({
    file,
    line: 1,
    column: loneCr.index + 1,
    rule: 'bad-line-ends',
    explanation: 'lines end with CR alone (an old Mac format), so the file would read as a single line; expected LF or CRLF line ends: save it again as a Windows or Unix text file',
  });
}

/**
 * Finds the wanted columns. A name the header gives twice is refused when a wanted column has it, since
 * which of the two holds the data cannot be known; duplicates among columns not read (ISTAT's trailing
 * unnamed columns, repeated notes) are left alone.
 */
function findColumns<K extends string>(
  file: string,
  line: number,
  header: readonly string[],
  wanted: TableOptions<K>['columns'],
  fieldLine: (index: number) => number,
): Map<K, TableColumn> {
  const indexByName = new Map<string, number>();
  const repeatedAt = new Map<string, number>();
  header.forEach((name, index) => {
    const key = normalizeName(name);
    if (!indexByName.has(key)) indexByName.set(key, index);
    else if (!repeatedAt.has(key)) repeatedAt.set(key, index);
  });
  const found = new Map<K, TableColumn>();
  const missing: string[] = [];
  for (const [key, names] of Object.entries(wanted) as [K, ColumnNames | undefined][]) {
    if (names === undefined) continue;
    const index = names.map((name) => indexByName.get(normalizeName(name))).find((i) => i !== undefined);
    if (index === undefined) {
      missing.push(names.map((name) => `"${name}"`).join(' or '));
      continue;
    }
    const repeated = repeatedAt.get(normalizeName(header[index]!));
    if (repeated !== undefined) {
      throw new SourceError({
        file,
        line: fieldLine(repeated),
        column: repeated + 1,
        rule: 'duplicate-column',
        explanation: `"${excerpt(header[repeated]!)}" is the name of column ${index + 1} too, and that column is read as "${key}"; expected each column the descriptor reads to be named once (rename or remove one of them)`,
      });
    }
    found.set(key, { index, name: header[index]! });
  }
  if (missing.length > 0) {
    throw new SourceError({
      file,
      line,
      column: 0,
      rule: 'missing-column',
      explanation: `the header has no column ${missing.join(', no column ')}; expected the column names declared in datasets/sources.yaml; the header found is ${quotedList(header)}`,
    });
  }
  return found;
}

function collapseWhitespace(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function normalizeName(name: string): string {
  return collapseWhitespace(name).normalize('NFC').toLowerCase();
}
