/** The app database: SQLite at <state>/app.sqlite by default, PostgreSQL when DATABASE_URL is set. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { SnapshotServed } from '../snapshots/snapshot-served.entity.js';
import { CreateSnapshotServed1764150000000 } from './migrations/1764150000000-create-snapshot-served.js';

/** Every entity, listed (no globs). */
export const ENTITIES = [SnapshotServed];

/** Every migration, in order. */
export const MIGRATIONS = [CreateSnapshotServed1764150000000];

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: true } as const;
  if (database.type === 'postgres') return { ...common, type: 'postgres', url: database.url };
  mkdirSync(path.dirname(database.path), { recursive: true });
  return { ...common, type: 'better-sqlite3', database: database.path, enableWAL: true };
}
