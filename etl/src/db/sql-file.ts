import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/**
 * Reads an .sql file that sits beside the calling module: in src/ when running from source, in dist/
 * when built (the build copies every .sql file next to the compiled modules).
 */
export function readSqlBeside(moduleUrl: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(name, moduleUrl)), 'utf8');
}

export type SqlParams = Readonly<Record<string, DuckDBValue>>;

/**
 * Runs every statement of an SQL file in order, each with the named parameters it uses. Statements end
 * with `;` at the end of a line; `--` comments are allowed anywhere.
 */
export async function runStatements(connection: DuckDBConnection, sql: string, params: SqlParams = {}): Promise<void> {
  for (const statement of splitStatements(sql)) {
    const used = Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(statement)));
    try {
      const started = performance.now();
      await connection.run(statement, used);
      if (process.env.OSSERVATORIO_DEBUG_SQL === 'time') console.error(`${Math.round(performance.now() - started)} ms: ${statement.slice(0, 90).replace(/\s+/g, ' ')}`);
    } catch (error) {
      if (process.env.OSSERVATORIO_DEBUG_SQL) console.error(statement, used);
      throw error;
    }
  }
}

export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}
