import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Progress } from '../progress.js';
import { TEMPORARY_SUFFIX } from './durable.js';
import type { StateLayout } from './layout.js';
import { namesIn, readServed } from './snapshots.js';

/**
 * Removes what killed or failed loads left in the state folder: staging databases (with their WAL and
 * DuckDB's spill folder), temporary files, and snapshot files that never got their manifest (or
 * manifests whose snapshot file is gone), unless a pointer names them. Call it holding the load lock:
 * then no running load owns any of these. Returns the paths removed.
 */
export async function sweepDebris(layout: StateLayout, progress: Progress): Promise<string[]> {
  const debris: string[] = [];
  for (const name of await namesIn(layout.stagingDir)) {
    if (/\.duckdb(?:\.wal|\.tmp)?$/.test(name) || name.endsWith(TEMPORARY_SUFFIX)) debris.push(path.join(layout.stagingDir, name));
  }
  const names = new Set(await namesIn(layout.snapshotsDir));
  const named = new Set(await readServed(layout));
  const isDebris = (id: string, kind: string | undefined): boolean => {
    if (named.has(id)) return false;
    if (kind === 'duckdb') return !names.has(`${id}.json`);
    if (kind === 'json') return !names.has(`${id}.duckdb`);
    // A WAL goes with its database.
    return kind === 'duckdb.wal' && (!names.has(`${id}.duckdb`) || isDebris(id, 'duckdb'));
  };
  for (const name of names) {
    const [, id, kind] = /^(.+?)\.(duckdb|json|duckdb\.wal)$/.exec(name) ?? [];
    if (name.endsWith(TEMPORARY_SUFFIX) || (id !== undefined && isDebris(id, kind))) debris.push(path.join(layout.snapshotsDir, name));
  }
  for (const file of debris) await rm(file, { recursive: true, force: true });
  if (debris.length > 0) progress.step(`removed what interrupted loads left behind: ${debris.map((file) => path.relative(layout.stateDir, file)).join(', ')}`);
  return debris;
}
