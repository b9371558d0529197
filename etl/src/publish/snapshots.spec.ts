import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentProgress, type Progress } from '../progress.js';
import { readCurrentSnapshotId, stateLayout, type StateLayout } from './layout.js';
import { listSnapshots, newSnapshotId, publishSnapshot, PublishError, rollback, type SnapshotManifest } from './snapshots.js';

describe('newSnapshotId', () => {
  it('is the UTC time to the millisecond and the first 8 characters of the fingerprint', () => {
    expect(newSnapshotId(new Date('2025-01-31T09:05:07.123Z'), '0123456789abcdef')).toBe('20250131T090507123Z-01234567');
  });

  it('sorts by time whatever the fingerprint, across milliseconds, hours and years', () => {
    const times = ['2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.001Z', '2025-01-01T10:00:00.000Z', '2025-02-01T09:00:00.000Z'];
    const fingerprints = ['ffffffff', 'eeeeeeee', '00000000', '99999999', 'aaaaaaaa'];
    const ids = times.map((time, i) => newSnapshotId(new Date(time), fingerprints[i]!));
    expect([...ids].sort()).toEqual(ids);
    expect([...ids].reverse().sort((a, b) => a.localeCompare(b))).toEqual(ids);
  });
});

/** Snapshot ids one hour apart from 10:00 UTC on 1 January 2025: s(0) is the oldest. */
const s = (hour: number) => newSnapshotId(new Date(Date.UTC(2025, 0, 1, 10 + hour)), `${hour}`.padStart(8, 'f'));
const manifest = (id: string): SnapshotManifest => ({
  id,
  createdAt: '2025-01-01T10:00:00.000Z',
  mode: 'demo',
  fingerprint: 'f'.repeat(64),
  dataDir: null,
  sources: [{ id: 'istat_posas', file: 'population/POSAS_2025_it_Comuni.csv', rowsRead: 3, synthetic: false }],
  counts: { observation: 3 },
  warnings: 0,
});

describe('publishing snapshots', () => {
  let layout: StateLayout;
  beforeEach(async () => {
    layout = stateLayout(await mkdtemp(path.join(tmpdir(), 'osservatorio-publish-')));
    await mkdir(layout.stagingDir, { recursive: true });
  });
  afterEach(() => rm(layout.stateDir, { recursive: true, force: true }));

  /** Stages a dummy snapshot file (its content is its id) and publishes it. */
  async function publish(id: string, keep = 5): Promise<void> {
    const staged = path.join(layout.stagingDir, `${id}.duckdb`);
    await writeFile(staged, `snapshot ${id}`);
    await publishSnapshot(layout, staged, manifest(id), keep);
  }
  const published = async () => (await listSnapshots(layout, silentProgress)).map((m) => m.id);
  const snapshotFiles = async () => (await readdir(layout.snapshotsDir)).sort();
  const rollbackError = () => rollback(layout).then(() => { throw new Error('expected the rollback to be refused'); }, (error: unknown) => error);

  it('moves the staged file beside the others, writes its manifest and points CURRENT to it', async () => {
    await publish(s(0));
    expect(await readdir(layout.stagingDir)).toEqual([]);
    expect(await readFile(layout.snapshotFile(s(0)), 'utf8')).toBe(`snapshot ${s(0)}`);
    expect(JSON.parse(await readFile(layout.manifestFile(s(0)), 'utf8'))).toEqual(manifest(s(0)));
    expect(await readFile(layout.currentPointer, 'utf8')).toBe(`${s(0)}\n`);
    expect(await snapshotFiles()).toEqual([`${s(0)}.duckdb`, `${s(0)}.json`, 'CURRENT', 'SERVED']);
  });

  it('serves the newest publication and keeps the earlier ones, oldest first in the list', async () => {
    await publish(s(0));
    await publish(s(1));
    expect(await readCurrentSnapshotId(layout)).toBe(s(1));
    expect(await listSnapshots(layout, silentProgress)).toEqual([manifest(s(0)), manifest(s(1))]);
  });

  it('leaves the served snapshot alone when the staged file is missing', async () => {
    await publish(s(0));
    await expect(publishSnapshot(layout, path.join(layout.stagingDir, 'missing.duckdb'), manifest(s(1)), 5)).rejects.toThrow(/ENOENT/);
    expect(await readCurrentSnapshotId(layout)).toBe(s(0));
    expect(await published()).toEqual([s(0)]);
  });

  it('lists no snapshots before the first publication', async () => {
    expect(await listSnapshots(layout, silentProgress)).toEqual([]);
  });

  it('rolls back to the previous snapshot, one step at a time, then refuses at the oldest', async () => {
    for (const hour of [0, 1, 2]) await publish(s(hour));
    expect(await rollback(layout)).toEqual([s(2), s(1)]);
    expect(await readCurrentSnapshotId(layout)).toBe(s(1));
    expect(await rollback(layout)).toEqual([s(1), s(0)]);
    expect(await readCurrentSnapshotId(layout)).toBe(s(0));
    const error = await rollbackError();
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toBe(`Nothing to roll back to: ${s(0)} is the oldest snapshot kept.`);
    expect(await readCurrentSnapshotId(layout)).toBe(s(0));
    // Rolling back deletes nothing.
    expect(await published()).toEqual([s(0), s(1), s(2)]);
  });

  it('refuses to roll back the only snapshot', async () => {
    await publish(s(0));
    expect(((await rollbackError()) as Error).message).toBe(`Nothing to roll back to: ${s(0)} is the oldest snapshot kept.`);
  });

  it('refuses to roll back when nothing is published', async () => {
    const error = await rollbackError();
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toBe('Nothing to roll back: no snapshot is published.');
  });

  it('refuses to roll back when snapshots exist but CURRENT points to none of them', async () => {
    await publish(s(0));
    await publish(s(1));
    await writeFile(layout.currentPointer, '\n');
    expect(((await rollbackError()) as Error).message).toBe('Nothing to roll back: no snapshot is published.');
  });

  it('keeps the newest `keep` snapshots, deleting both files of the others', async () => {
    for (const hour of [0, 1, 2, 3]) await publish(s(hour), 2);
    expect(await snapshotFiles()).toEqual([`${s(2)}.duckdb`, `${s(2)}.json`, `${s(3)}.duckdb`, `${s(3)}.json`, 'CURRENT', 'SERVED']);
    expect(await readCurrentSnapshotId(layout)).toBe(s(3));
  });

  it('after a rollback and a new publication, rolls back to what was served, not to what was rolled back from', async () => {
    for (const hour of [0, 1, 2]) await publish(s(hour), 2); // keeps s1, s2
    await rollback(layout); // s2 was bad: serves s1
    await publish(s(3), 2); // served so far: s0, s1, s3
    expect(await published()).toEqual([s(1), s(3)]);
    expect(await readCurrentSnapshotId(layout)).toBe(s(3));
    expect(await rollback(layout)).toEqual([s(3), s(1)]);
  });

  it('never deletes the snapshot being served, even when its id is older than the ones kept', async () => {
    // A clock set back: the snapshot published last has the oldest id.
    await publish(s(1), 2);
    await publish(s(2), 2);
    await publish(s(0), 2);
    expect(await readCurrentSnapshotId(layout)).toBe(s(0));
    // Kept: the last two served, s2 and s0, whatever their ids say about time.
    expect(await published()).toEqual([s(0), s(2)]);
    expect(await readFile(layout.snapshotFile(s(0)), 'utf8')).toBe(`snapshot ${s(0)}`);
    expect(await rollback(layout)).toEqual([s(0), s(2)]);
  });

  it('replaces the manifest and the pointers by renaming a new file, never by writing into the old one', async () => {
    await publish(s(0));
    // A second name for each file: written in place, the content seen through it would change too.
    const aliases = [layout.manifestFile(s(1)), layout.currentPointer, layout.servedHistory].map((file) => [file, `${file}.alias`] as const);
    await writeFile(layout.manifestFile(s(1)), 'old');
    for (const [file, alias] of aliases) await link(file, alias);
    const before = await Promise.all(aliases.map(([, alias]) => readFile(alias, 'utf8')));
    await publish(s(1));
    expect(await Promise.all(aliases.map(([, alias]) => readFile(alias, 'utf8')))).toEqual(before);
    expect(JSON.parse(await readFile(layout.manifestFile(s(1)), 'utf8'))).toEqual(manifest(s(1)));
    expect((await readdir(layout.snapshotsDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves out a snapshot whose manifest is empty or cut short, naming the file', async () => {
    for (const hour of [0, 1, 2]) await publish(s(hour));
    const text = await readFile(layout.manifestFile(s(2)), 'utf8');
    await writeFile(layout.manifestFile(s(0)), '');
    await writeFile(layout.manifestFile(s(2)), text.slice(0, 40));
    const warnings: string[] = [];
    const progress: Progress = { step: () => undefined, warn: (message) => warnings.push(message) };
    expect((await listSnapshots(layout, progress)).map((m) => m.id)).toEqual([s(1)]);
    expect(warnings).toEqual([
      `${layout.manifestFile(s(0))}: the file is empty; snapshot ${s(0)} is left out [damaged-manifest]`,
      expect.stringMatching(new RegExp(`^${layout.manifestFile(s(2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*JSON.*; snapshot ${s(2)} is left out \\[damaged-manifest\\]$`)),
    ]);
  });

  it('prunes a snapshot whose manifest is damaged like any other', async () => {
    await publish(s(0), 2);
    await writeFile(layout.manifestFile(s(0)), '');
    await publish(s(1), 2);
    await publish(s(2), 2);
    expect(await snapshotFiles()).toEqual([`${s(1)}.duckdb`, `${s(1)}.json`, `${s(2)}.duckdb`, `${s(2)}.json`, 'CURRENT', 'SERVED']);
  });
});
