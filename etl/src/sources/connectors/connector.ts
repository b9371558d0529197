import type { ParseOptions } from '../descriptor.js';
import { readTable, type ColumnNames, type Table } from '../table.js';

/** One decoded file of a source. */
export interface SourceText {
  /** Path relative to the data folder, as errors name it. */
  readonly file: string;
  readonly text: string;
}

export interface ConnectorOutput<R> {
  readonly records: R[];
  /** Data rows read (headers, titles, notes and blank lines excluded). */
  readonly rowsRead: number;
}

/** The table of a CSV source, read with the parse options its descriptor declares. */
export function readDescribedTable<K extends string>(
  input: SourceText,
  parse: ParseOptions,
  columns: { readonly [P in K]?: ColumnNames | undefined },
): Table<K> {
  return readTable(input.file, input.text, { delimiter: parse.delimiter, titleLines: parse.title_lines, columns });
}
