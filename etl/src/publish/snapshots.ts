import { access, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  await fsyncFile(stagedFile);
  await rename(stagedFile, layout.snapshotFile(manifest.id));
  await writeDurably(layout.manifestFile(manifest.id), `${JSON.stringify(manifest, null, 2)}\n`);
  const served = [...(await readServed(layout)), manifest.id];
  await serve(layout, served);
  await prune(layout, served, keep);
}

export async function listSnapshots(layout: StateLayout): Promise<SnapshotManifest[]> {
  let names: string[];
  try {
    names = await readdir(layout.snapshotsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const manifests = await Promise.all(
    names.filter((n) => n.endsWith('.json')).map(async (n) => JSON.parse(await readFile(path.join(layout.snapshotsDir, n), 'utf8')) as SnapshotManifest),
  );
  return manifests.sort((a, b) => a.id.localeCompare(b.id));
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
async function readServed(layout: StateLayout): Promise<string[]> {
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
  await replaceDurably(layout.servedHistory, served.map((id) => `${id}\n`).join(''));
  await replaceDurably(layout.currentPointer, `${served.at(-1)}\n`);
  await fsyncFile(layout.snapshotsDir);
}

/** Keeps the snapshots among the last `keep` served (the current one included); deletes the others. */
async function prune(layout: StateLayout, served: readonly string[], keep: number): Promise<void> {
  const kept = new Set(served.slice(-keep));
  for (const { id } of await listSnapshots(layout)) {
    if (kept.has(id)) continue;
    await rm(layout.snapshotFile(id), { force: true });
    await rm(layout.manifestFile(id), { force: true });
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

async function replaceDurably(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeDurably(temporary, text);
  await rename(temporary, file);
}

async function writeDurably(file: string, text: string): Promise<void> {
  await writeFile(file, text);
  await fsyncFile(file);
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
