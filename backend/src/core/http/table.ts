/** How a data endpoint's answer becomes a table for CSV and Arrow: typed columns over its rows. */

export type ColumnType = 'utf8' | 'float64' | 'int32' | 'bool';
export type Cell = string | number | boolean | null | undefined;

export interface Column<Row> {
  readonly name: string;
  readonly type: ColumnType;
  readonly value: (row: Row) => Cell;
}

export interface TableSpec<Dto, Row> {
  /** The columns, or a function of the answer (e.g. its unit) that gives them. */
  readonly columns: readonly Column<Row>[] | ((dto: Dto) => readonly Column<Row>[]);
  rows(dto: Dto): readonly Row[];
  /** Parts of the download's file name, e.g. ['values', 'DEM_POP', 'comune', 2024]. */
  fileName(dto: Dto): readonly (string | number | null)[];
  /** Ids of the sources the data comes from, sent in the X-Sources header. */
  sourceIds?(dto: Dto): readonly string[];
}

export function column<Row>(name: string, type: ColumnType, value: (row: Row) => Cell): Column<Row> {
  return { name, type, value };
}
