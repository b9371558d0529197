/**
 * Snapshots for the API's tests, built the only way snapshots are built: the real ETL load of a fixture
 * data folder in the published formats (or of the demo), into a temporary state folder of its own.
 * Install copies into the state folder a test serves, so each fixture is built once per test file.
 */
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadEtlConfig } from '../config.js';
import { runLoad } from '../load.js';
import { silentProgress } from '../progress.js';
import { stateLayout } from '../publish/layout.js';
import type { SnapshotManifest } from '../publish/snapshots.js';
import { writeFixtureDataFolder, type DataFolderOptions } from './data-folder.js';

export interface FixtureSnapshot {
  readonly id: string;
  readonly manifest: SnapshotManifest;
  /** The published snapshot file, in the builder's own state folder: install it, do not serve it there. */
  readonly file: string;
  /** Removes the data folder and the state folder the load used. */
  remove(): Promise<void>;
}

export interface FixtureSnapshotOptions {
  /** The data folder to write (see data-folder.ts), or 'demo' for a load without one. */
  readonly data?: DataFolderOptions | 'demo';
  /** The load's clock: the snapshot id starts with it. */
  readonly now?: Date;
}

export async function buildFixtureSnapshot(options: FixtureSnapshotOptions = {}): Promise<FixtureSnapshot> {
  const dataDir = options.data === 'demo' ? null : await writeFixtureDataFolder(options.data);
  const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-fixture-state-'));
  const remove = async () => {
    await rm(stateDir, { recursive: true, force: true });
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadEtlConfig({}, { stateDir, ...(dataDir === null ? {} : { dataDir }) });
    const outcome = await runLoad(config, silentProgress, { now: options.now ?? new Date('2025-03-01T10:00:00.000Z') });
    if (outcome.kind !== 'published') throw new Error('the fixture load published nothing');
    return { id: outcome.manifest.id, manifest: outcome.manifest, file: stateLayout(stateDir).snapshotFile(outcome.manifest.id), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Copies the snapshot and its manifest into `<stateDir>/snapshots/` under `id` (default its own), without publishing it. */
export async function installSnapshot(stateDir: string, snapshot: FixtureSnapshot, id = snapshot.id): Promise<string> {
  const layout = stateLayout(stateDir);
  await mkdir(layout.snapshotsDir, { recursive: true });
  await copyFile(snapshot.file, layout.snapshotFile(id));
  await writeFile(layout.manifestFile(id), JSON.stringify({ ...snapshot.manifest, id }, null, 2));
  return layout.snapshotFile(id);
}

/** Points CURRENT at `pointer` with an atomic rename, as the ETL publishes. */
export async function pointCurrentAt(stateDir: string, pointer: string): Promise<void> {
  const layout = stateLayout(stateDir);
  await mkdir(layout.snapshotsDir, { recursive: true });
  const temporary = `${layout.currentPointer}.tmp`;
  await writeFile(temporary, `${pointer}\n`);
  await rename(temporary, layout.currentPointer);
}

/** Installs the snapshot and makes it the current one. */
export async function publishFixtureSnapshot(stateDir: string, snapshot: FixtureSnapshot): Promise<void> {
  await installSnapshot(stateDir, snapshot);
  await pointCurrentAt(stateDir, snapshot.id);
}

/** Breaks an installed copy on purpose with one SQL statement (for tests of snapshots the API must refuse). */
export async function alterSnapshotFile(file: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
