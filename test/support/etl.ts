import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadEtlConfig } from '../../etl/src/config.js';
import { runLoad, type LoadOutcome } from '../../etl/src/load.js';
import { silentProgress } from '../../etl/src/progress.js';
import { readCurrentSnapshotId, stateLayout } from '../../etl/src/publish/layout.js';

export async function newStateDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'osservatorio-state-'));
}

/** Runs a real ETL load from `dataDir` (null: the demo) into `stateDir`. */
export function load(stateDir: string, dataDir: string | null): Promise<LoadOutcome> {
  const config = loadEtlConfig({}, { stateDir, ...(dataDir === null ? {} : { dataDir }) });
  return runLoad(config, silentProgress);
}

export function currentSnapshotId(stateDir: string): Promise<string | null> {
  return readCurrentSnapshotId(stateLayout(stateDir));
}

/** Runs one query on the published snapshot, read-only, and returns plain JS rows. */
export async function querySnapshot<T = Record<string, unknown>>(stateDir: string, sql: string, params: Record<string, string | number> = {}): Promise<T[]> {
  const layout = stateLayout(stateDir);
  const id = await readCurrentSnapshotId(layout);
  if (id === null) throw new Error(`no snapshot published in ${stateDir}`);
  const instance = await DuckDBInstance.create(layout.snapshotFile(id), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
