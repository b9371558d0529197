import { Bool, Float64, Int32, Schema, Table, Utf8, vectorFromArray, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import type { Column, ColumnType } from './table.js';

/** An Arrow IPC stream with one typed column per Column (nulls stay null) and `metadata` on its schema. */
export function toArrowStream<Row>(columns: readonly Column<Row>[], rows: readonly Row[], metadata: ReadonlyMap<string, string>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.name] = vectorFromArray(rows.map((row) => c.value(row) ?? null), arrowType(c.type));
  const table = new Table(vectors);
  return tableToIPC(new Table(new Schema(table.schema.fields, new Map(metadata)), table.batches), 'stream');
}

function arrowType(type: ColumnType): DataType {
  switch (type) {
    case 'utf8':
      return new Utf8();
    case 'float64':
      return new Float64();
    case 'int32':
      return new Int32();
    case 'bool':
      return new Bool();
  }
}
