import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../config/config.js';
import { SnapshotServed } from '../snapshots/snapshot-served.entity.js';
import { createStateDir, removeStateDir } from '../testing/snapshot-factory.js';
import { createTestSchema, describeWithPostgres } from '../testing/postgres.js';
import { dataSourceOptions, MIGRATIONS } from './data-source-options.js';

/** The same checks on each database the app supports: the migrations must be identical for both. */
function migrationTests(database: () => DatabaseConfig): void {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource({ ...dataSourceOptions(database()), migrationsRun: false }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('runs every migration, then has nothing pending', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('creates snapshot_served as the entity expects, with snapshot_id unique', async () => {
    const repository = dataSource.getRepository(SnapshotServed);
    const at = new Date('2025-03-01T10:00:00.000Z');
    await repository.insert({ snapshotId: 's1', mode: 'demo', firstServedAt: at, sourceCount: 4 });
    await dataSource.createQueryBuilder().insert().into(SnapshotServed).values({ snapshotId: 's1', mode: 'real', firstServedAt: new Date(), sourceCount: 9 }).orIgnore().execute();
    const rows = await repository.find();
    expect(rows).toEqual([{ id: expect.any(Number), snapshotId: 's1', mode: 'demo', firstServedAt: at, sourceCount: 4 }]);
    await expect(repository.insert({ snapshotId: 's1', mode: 'real', firstServedAt: at, sourceCount: 1 })).rejects.toThrow();
  });

  it('reverts every migration', async () => {
    for (const _ of MIGRATIONS) await dataSource.undoLastMigration();
    expect(await dataSource.createQueryRunner().hasTable('snapshot_served')).toBe(false);
    await dataSource.runMigrations();
    expect(await dataSource.createQueryRunner().hasTable('snapshot_served')).toBe(true);
  });
}

describe('migrations on SQLite', () => {
  let state: string;
  beforeAll(async () => {
    state = await createStateDir();
  });
  afterAll(async () => {
    await removeStateDir(state);
  });
  migrationTests(() => ({ type: 'sqlite', path: path.join(state, 'app.sqlite') }));
});

describeWithPostgres('migrations on PostgreSQL', (postgresUrl) => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  beforeAll(async () => {
    schema = await createTestSchema(postgresUrl);
  });
  afterAll(async () => {
    await schema?.drop();
  });
  migrationTests(() => ({ type: 'postgres', url: schema.url }));
});
