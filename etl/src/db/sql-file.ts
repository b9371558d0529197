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
    const started = PROFILE ? { wall: performance.now(), cpu: process.cpuUsage() } : null;
    await connection.run(statement, used);
    if (started) {
      const cpu = process.cpuUsage(started.cpu);
      const ms = (n: number) => Math.round(n).toString().padStart(6);
      process.stderr.write(`sql ${ms((cpu.user + cpu.system) / 1000)} ms cpu ${ms(performance.now() - started.wall)} ms wall  ${statement.replace(/\s+/g, ' ').slice(0, 100)}\n`);
    }
  }
}

/** OSSERVATORIO_SQL_PROFILE=1 prints each statement's CPU time (all DuckDB threads) and wall time to stderr: where a load spends its time. */
const PROFILE = process.env.OSSERVATORIO_SQL_PROFILE === '1';

export function splitStatements(sql: string): string[] {
  return stripComments(sql)
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

/** Removes `--` comments, leaving any `--` inside a quoted string or identifier alone. */
function stripComments(sql: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i += 1) {
    const char = sql[i]!;
    if (quote !== null) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i += 1;
      out += '\n';
    } else {
      out += char;
    }
  }
  return out;
}
