/**
 * State-folder layout shared by the ETL (writer) and the API (reader):
 *   <state>/snapshots/<id>.duckdb   published snapshots, read-only once published
 *   <state>/snapshots/<id>.json     their manifests (sources, row counts, fingerprint)
 *   <state>/snapshots/CURRENT       the id being served; replaced by one atomic rename
 *   <state>/snapshots/SERVED        the ids served so far, oldest first (what rollback returns to)
 *   <state>/staging/                loads in progress; never read by the API
 *   <state>/load.lock               who is loading now (see lock.ts); one load at a time
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';

export const SCHEMA_VERSION = '5';

export interface StateLayout {
  readonly stateDir: string;
  readonly snapshotsDir: string;
  readonly stagingDir: string;
  readonly currentPointer: string;
  readonly servedHistory: string;
  readonly loadLock: string;
  snapshotFile(id: string): string;
  manifestFile(id: string): string;
}

export function stateLayout(stateDir: string): StateLayout {
  const snapshotsDir = path.join(stateDir, 'snapshots');
  return {
    stateDir,
    snapshotsDir,
    stagingDir: path.join(stateDir, 'staging'),
    currentPointer: path.join(snapshotsDir, 'CURRENT'),
    servedHistory: path.join(snapshotsDir, 'SERVED'),
    loadLock: path.join(stateDir, 'load.lock'),
    snapshotFile: (id) => path.join(snapshotsDir, `${id}.duckdb`),
    manifestFile: (id) => path.join(snapshotsDir, `${id}.json`),
  };
}

/** The id of the snapshot being served, or null when nothing has been published yet. */
export async function readCurrentSnapshotId(layout: StateLayout): Promise<string | null> {
  try {
    const id = (await readFile(layout.currentPointer, 'utf8')).trim();
    return id === '' ? null : id;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
