import { DuckDBDataChunkWriter, JSToDuckDBValueConverter, type DuckDBConnection, type JS } from '@duckdb/node-api';

/** Appends plain JS rows (in the table's column order) through DuckDB's appender. */
export async function appendRows(connection: DuckDBConnection, table: string, rows: Iterable<readonly JS[]>): Promise<number> {
  const appender = await connection.createAppender(table);
  const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
  let count = 0;
  for (const row of rows) {
    writer.appendRow(row);
    count += 1;
  }
  writer.flush();
  appender.closeSync();
  return count;
}
