import { open, readdir, readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
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
  await pointTo(layout, manifest.id);
  await prune(layout, keep);
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

/** Re-points CURRENT to the snapshot published before the current one; returns [from, to]. */
export async function rollback(layout: StateLayout): Promise<[string, string]> {
  const snapshots = await listSnapshots(layout);
  const current = await readCurrentSnapshotId(layout);
  const index = snapshots.findIndex((s) => s.id === current);
  if (current === null || index < 0) throw new PublishError('Nothing to roll back: no snapshot is published.');
  if (index === 0) throw new PublishError(`Nothing to roll back to: ${current} is the oldest snapshot kept.`);
  const previous = snapshots[index - 1]!.id;
  await pointTo(layout, previous);
  return [current, previous];
}

async function pointTo(layout: StateLayout, id: string): Promise<void> {
  const temporary = `${layout.currentPointer}.${process.pid}.tmp`;
  await writeDurably(temporary, `${id}\n`);
  await rename(temporary, layout.currentPointer);
  await fsyncFile(layout.snapshotsDir);
}

/** Keeps the newest `keep` snapshots, and always the one being served. */
async function prune(layout: StateLayout, keep: number): Promise<void> {
  const snapshots = await listSnapshots(layout);
  const current = await readCurrentSnapshotId(layout);
  const stale = snapshots.slice(0, Math.max(0, snapshots.length - keep)).filter((s) => s.id !== current);
  for (const { id } of stale) {
    await rm(layout.snapshotFile(id), { force: true });
    await rm(layout.manifestFile(id), { force: true });
  }
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
