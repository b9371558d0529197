import { access, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { Progress } from '../progress.js';
import { syncPath, writeFileAtomically } from './durable.js';
import { readCurrentSnapshotId, type StateLayout } from './layout.js';

/** What `etl status` shows of a snapshot without opening it; written beside it at publish. */
export interface SnapshotManifest {
  readonly id: string;
  readonly createdAt: string;
  readonly mode: 'real' | 'demo';
  readonly fingerprint: string;
  readonly dataDir: string | null;
  readonly sources: readonly { id: string; file: string | null; rowsRead: number; synthetic: boolean }[];
  readonly counts: Readonly<Record<string, number>>;
  readonly warnings: number;
}

export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/** A new id sorts after every earlier one: UTC time to the millisecond plus the inputs' fingerprint. */
export function newSnapshotId(now: Date, fingerprint: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${stamp}-${fingerprint.slice(0, 8)}`;
}

/**
 * Publishes a finished snapshot file: moves it beside the others, writes its manifest, then swaps the
 * CURRENT pointer with one atomic rename. Until that rename the previous snapshot is what is served.
 */
export async function publishSnapshot(layout: StateLayout, stagedFile: string, manifest: SnapshotManifest, keep: number): Promise<void> {
  await mkdir(layout.snapshotsDir, { recursive: true });
  await syncPath(stagedFile);
  // Killed between these two steps, a snapshot file is left without a manifest: debris the next load sweeps.
  await rename(stagedFile, layout.snapshotFile(manifest.id));
  await writeFileAtomically(layout.manifestFile(manifest.id), `${JSON.stringify(manifest, null, 2)}\n`);
  const served = [...(await readServed(layout)), manifest.id];
  await serve(layout, served);
  await prune(layout, served, keep);
}

/**
 * The manifests of the snapshots kept, oldest first. A manifest that cannot be read (left empty or cut
 * short by a full disk or an older version of this program) is reported and left out.
 */
export async function listSnapshots(layout: StateLayout, progress: Progress): Promise<SnapshotManifest[]> {
  const manifests: SnapshotManifest[] = [];
  for (const id of (await namesIn(layout.snapshotsDir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length))) {
    const file = layout.manifestFile(id);
    const text = await readFile(file, 'utf8');
    try {
      manifests.push(parseManifest(text, id));
    } catch (error) {
      progress.warn(`${file}: ${text === '' ? 'the file is empty' : (error as Error).message}; snapshot ${id} is left out [damaged-manifest]`);
    }
  }
  return manifests.sort((a, b) => a.id.localeCompare(b.id));
}

function parseManifest(text: string, id: string): SnapshotManifest {
  const manifest = JSON.parse(text) as Partial<SnapshotManifest> | null;
  if (manifest === null || typeof manifest !== 'object' || manifest.id !== id || typeof manifest.fingerprint !== 'string' || !Array.isArray(manifest.sources) || typeof manifest.counts !== 'object') {
    throw new Error(`not the manifest of snapshot ${id} (expected an object with its id, fingerprint, sources and counts)`);
  }
  return manifest as SnapshotManifest;
}

/** The names in a state folder; none before it is created. */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The id CURRENT names when its snapshot file is there to be served, else null. */
export async function servableSnapshotId(layout: StateLayout): Promise<string | null> {
  const current = await readCurrentSnapshotId(layout);
  return current !== null && (await exists(layout.snapshotFile(current))) ? current : null;
}

/**
 * Serves again the snapshot that was served before the current one (not merely the previous id: after
 * rolling back and publishing anew, rolling back returns to what was served, not to what was rolled back
 * from). Returns [from, to].
 */
export async function rollback(layout: StateLayout): Promise<[string, string]> {
  const served = await readServed(layout);
  const current = served.at(-1);
  if (current === undefined) throw new PublishError('Nothing to roll back: no snapshot is published.');
  const previous = served.at(-2);
  if (previous === undefined || !(await exists(layout.snapshotFile(previous)))) {
    throw new PublishError(`Nothing to roll back to: ${current} is the oldest snapshot kept.`);
  }
  await serve(layout, served.slice(0, -1));
  return [current, previous];
}

/** The ids served so far, oldest first, ending with the one CURRENT names (which wins if they disagree). */
export async function readServed(layout: StateLayout): Promise<string[]> {
  const current = await readCurrentSnapshotId(layout);
  if (current === null) return [];
  let history: string[] = [];
  try {
    history = (await readFile(layout.servedHistory, 'utf8')).split('\n').filter((line) => line !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const last = history.lastIndexOf(current);
  return last < 0 ? [current] : history.slice(0, last + 1);
}

/** Records the history, then moves CURRENT to its last id with one atomic rename. */
async function serve(layout: StateLayout, served: readonly string[]): Promise<void> {
  await writeFileAtomically(layout.servedHistory, served.map((id) => `${id}\n`).join(''));
  await writeFileAtomically(layout.currentPointer, `${served.at(-1)}\n`);
}

/**
 * Keeps the snapshots among the last `keep` served (the current one included); deletes the others, by
 * file name so that a snapshot with a damaged manifest goes too. The caller holds the load lock, so no
 * other load is about to publish or serve a snapshot this would delete.
 */
async function prune(layout: StateLayout, served: readonly string[], keep: number): Promise<void> {
  const kept = new Set(served.slice(-keep));
  const ids = new Set((await namesIn(layout.snapshotsDir)).map((n) => /^(.+)\.(?:duckdb|json)$/.exec(n)?.[1]).filter((id) => id !== undefined));
  for (const id of ids) {
    if (kept.has(id)) continue;
    // The manifest first: killed in between, what is left is a file without a manifest, which is swept.
    await rm(layout.manifestFile(id), { force: true });
    await rm(layout.snapshotFile(id), { force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
