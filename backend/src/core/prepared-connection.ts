import { BOOLEAN, DOUBLE, INTEGER, VARCHAR, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBType } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | null;

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
    const types = typesOf(params);
    const statement = this.statements.get(sql) ?? (await this.prepare(sql));
    if (statement === 'several statements' || this.running.has(statement)) {
      return (await this.connection.runAndReadAll(sql, params, types)).getRowObjectsJS() as Row[];
    }
    this.running.add(statement);
    try {
      statement.clearBindings();
      statement.bind(params, types);
      return (await statement.runAndReadAll()).getRowObjectsJS() as Row[];
    } finally {
      this.running.delete(statement);
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

function typesOf(params: Readonly<Record<string, SqlValue>>): Record<string, DuckDBType> {
  const types: Record<string, DuckDBType> = {};
  for (const [name, value] of Object.entries(params)) types[name] = typeOf(value);
  return types;
}

function typeOf(value: SqlValue): DuckDBType {
  if (typeof value === 'number') return Number.isInteger(value) ? INTEGER : DOUBLE;
  if (typeof value === 'boolean') return BOOLEAN;
  return VARCHAR;
}
