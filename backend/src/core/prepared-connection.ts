import { BOOLEAN, DOUBLE, INTEGER, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBType, type DuckDBValue, type DuckDBVector } from '@duckdb/node-api';

/** A list binds as LIST(INTEGER) when its items are whole numbers, LIST(DOUBLE) for other numbers, else LIST(VARCHAR). */
export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[];

/**
 * One chunk of a streamed result: DuckDB's own vectors by column name, `length` rows each, read with
 * core/duckdb-columns.ts (typed arrays, no JS value per cell).
 */
export interface ColumnChunk {
  readonly length: number;
  readonly columns: Readonly<Record<string, DuckDBVector>>;
}

/**
 * One DuckDB connection that prepares each SQL text once and binds it again on every later query:
 * the SQL files are few and fixed, and parsing and planning them on every request was a measurable part
 * of the cost of a request. A text of several statements is run whole each time (the statements before
 * the last may be settings). A statement already running on this connection is not bound again under it:
 * a second query of the same text at the same time runs unprepared.
 */
export class PreparedConnection {
  private readonly statements = new Map<string, DuckDBPreparedStatement | 'several statements'>();
  private readonly running = new Set<DuckDBPreparedStatement>();

  constructor(private readonly connection: DuckDBConnection) {}

  /** Runs SQL with named parameters ($name); a null parameter is bound as VARCHAR. */
  async query<Row>(sql: string, params: Readonly<Record<string, SqlValue>> = {}): Promise<Row[]> {
    const { values, types } = bind(params);
    const statement = this.statements.get(sql) ?? (await this.prepare(sql));
    if (statement === 'several statements' || this.running.has(statement)) {
      return (await this.connection.runAndReadAll(sql, values, types)).getRowObjectsJS() as Row[];
    }
    this.running.add(statement);
    try {
      statement.clearBindings();
      statement.bind(values, types);
      return (await statement.runAndReadAll()).getRowObjectsJS() as Row[];
    } finally {
      this.running.delete(statement);
    }
  }

  /** Runs SQL and hands its result over chunk by chunk (about 2,048 rows each), for answers too big to hold. Not prepared: one big query. */
  async *stream(sql: string, params: Readonly<Record<string, SqlValue>> = {}): AsyncGenerator<ColumnChunk> {
    const { values, types } = bind(params);
    const result = await this.connection.stream(sql, values, types);
    const names = result.columnNames();
    // The next chunk is fetched (on DuckDB's side) while the caller works on this one.
    let next = result.fetchChunk();
    try {
      for (;;) {
        const chunk = await next;
        if (chunk === null || chunk.rowCount === 0) return;
        next = result.fetchChunk();
        const columns: Record<string, DuckDBVector> = {};
        names.forEach((name, i) => {
          columns[name] = chunk.getColumnVector(i);
        });
        yield { length: chunk.rowCount, columns };
      }
    } finally {
      // A caller that stops early leaves one fetch running: let it end before the connection is reused.
      await next.catch(() => null);
    }
  }

  /** Closes the connection and every statement prepared on it. */
  close(): void {
    this.statements.clear();
    this.connection.closeSync();
  }

  private async prepare(sql: string): Promise<DuckDBPreparedStatement | 'several statements'> {
    const extracted = await this.connection.extractStatements(sql);
    // Two queries of a new text may prepare it at the same time: keep the first, close the other.
    const statement = extracted.count > 1 ? 'several statements' : await extracted.prepare(0);
    const first = this.statements.get(sql);
    if (first !== undefined) {
      if (statement !== 'several statements') statement.destroySync();
      return first;
    }
    this.statements.set(sql, statement);
    return statement;
  }
}

function bind(params: Readonly<Record<string, SqlValue>>): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType> } {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const [name, value] of Object.entries(params)) {
    types[name] = typeOf(value);
    values[name] = Array.isArray(value) ? listValue(value as DuckDBValue[]) : (value as DuckDBValue);
  }
  return { values, types };
}

function typeOf(value: SqlValue): DuckDBType {
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    if (items.length > 0 && items.every((item) => typeof item === 'number')) return LIST((items as number[]).every(Number.isInteger) ? INTEGER : DOUBLE);
    return LIST(VARCHAR);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? INTEGER : DOUBLE;
  if (typeof value === 'boolean') return BOOLEAN;
  return VARCHAR;
}
