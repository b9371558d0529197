/**
 * Puts every staged value on today's comuni (harmonise.sql). Its check of the codes goes through
 * runChecks like every other check: a file of unknown codes stores as many messages as a report lists,
 * the rest counted, however many codes it gives.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSqlBeside } from '../db/sql-file.js';
import { runChecks } from '../stage/stage-errors.js';

const HARMONISE_SQL = readSqlBeside(import.meta.url, 'harmonise.sql');

/** `referenceDate`: the snapshot's reference date (YYYY-MM-DD), named by the message on an unknown code. */
export async function harmonise(connection: DuckDBConnection, referenceDate: string): Promise<void> {
  await runChecks(connection, HARMONISE_SQL, { reference_date: referenceDate });
}
