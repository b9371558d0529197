import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { describe, it } from 'vitest';

const HOW_TO = 'set TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db (a database the tests may write to)';

/**
 * describe() with the PostgreSQL server of TEST_DATABASE_URL. Without it the suite is skipped with the
 * reason printed, except under CI=true, where it fails: every tier must run in CI.
 */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url) {
    describe(name, () => body(url));
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('cannot run in CI without PostgreSQL', () => {
        throw new Error(`CI=true but TEST_DATABASE_URL is not set: ${HOW_TO}`);
      });
    });
  } else {
    console.warn(`skipped "${name}": needs PostgreSQL: ${HOW_TO}`);
    describe.skip(name, () => body(''));
  }
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
