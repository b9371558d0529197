import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { describeIf, postgres } from '../../../test/support/requirements.js';

/** describe() with the PostgreSQL server of TEST_DATABASE_URL; skipped (or failed under CI=true) without it. */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  describeIf(postgres)(name, () => body(process.env.TEST_DATABASE_URL?.trim() ?? ''));
}

/** A new, empty schema; the URL it returns makes it the search path, so unqualified tables land there. */
export async function createTestSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withDataSource(url, (db) => db.query(`CREATE SCHEMA ${schema}`));
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { url: scoped.toString(), drop: () => withDataSource(url, (db) => db.query(`DROP SCHEMA ${schema} CASCADE`)) };
}

async function withDataSource(url: string, work: (db: DataSource) => Promise<unknown>): Promise<void> {
  const db = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
}
