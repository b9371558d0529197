import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../progress.js';
import { sweepDebris } from './debris.js';
import { stateLayout, type StateLayout } from './layout.js';

const A = '20250101T100000000Z-aaaaaaaa';
const B = '20250101T110000000Z-bbbbbbbb';
const C = '20250101T120000000Z-cccccccc';

describe('sweepDebris', () => {
  let layout: StateLayout;
  let steps: string[];
  let progress: Progress;
  beforeEach(async () => {
    layout = stateLayout(await mkdtemp(path.join(tmpdir(), 'osservatorio-debris-')));
    await mkdir(layout.stagingDir, { recursive: true });
    await mkdir(layout.snapshotsDir, { recursive: true });
    steps = [];
    progress = { step: (m) => steps.push(m), warn: (m) => steps.push(`warning: ${m}`) };
  });
  afterEach(() => rm(layout.stateDir, { recursive: true, force: true }));

  const put = async (dir: string, names: string[]) => {
    for (const name of names) await writeFile(path.join(dir, name), name);
  };
  const names = async (dir: string) => (await readdir(dir)).sort();

  it('removes staging databases, their WAL and spill folder, and temporary files, and says which', async () => {
    await put(layout.stagingDir, [`${C}.duckdb`, `${C}.duckdb.wal`, 'notes.txt']);
    await mkdir(path.join(layout.stagingDir, `${C}.duckdb.tmp`));
    await put(path.join(layout.stagingDir, `${C}.duckdb.tmp`), ['duckdb_temp_storage-0.tmp']);
    await put(layout.snapshotsDir, [`${A}.duckdb`, `${A}.json`, 'CURRENT.77.0a1b2c3d.tmp', `${A}.json.77.0a1b2c3d.tmp`]);
    await writeFile(layout.currentPointer, `${A}\n`);

    const removed = await sweepDebris(layout, progress);
    expect(removed.map((file) => path.relative(layout.stateDir, file)).sort()).toEqual(
      [`staging/${C}.duckdb`, `staging/${C}.duckdb.tmp`, `staging/${C}.duckdb.wal`, 'snapshots/CURRENT.77.0a1b2c3d.tmp', `snapshots/${A}.json.77.0a1b2c3d.tmp`].sort(),
    );
    expect(await names(layout.stagingDir)).toEqual(['notes.txt']);
    expect(await names(layout.snapshotsDir)).toEqual([`${A}.duckdb`, `${A}.json`, 'CURRENT']);
    expect(steps).toEqual([`removed what interrupted loads left behind: ${removed.map((file) => path.relative(layout.stateDir, file)).join(', ')}`]);
  });

  it('removes a snapshot file without a manifest and a manifest without a snapshot file, unless a pointer names them', async () => {
    await put(layout.snapshotsDir, [`${A}.duckdb`, `${B}.duckdb`, `${B}.json`, `${C}.duckdb`, `${C}.duckdb.wal`, '20240101T000000000Z-dddddddd.json']);
    await writeFile(layout.servedHistory, `${A}\n${B}\n`);
    await writeFile(layout.currentPointer, `${B}\n`);
    await sweepDebris(layout, progress);
    // A has no manifest but SERVED names it (rollback may return to it); C was never served.
    expect(await names(layout.snapshotsDir)).toEqual([`${A}.duckdb`, `${B}.duckdb`, `${B}.json`, 'CURRENT', 'SERVED']);
  });

  it('keeps the snapshot CURRENT names even without its manifest, and says nothing when nothing is removed', async () => {
    await put(layout.snapshotsDir, [`${C}.duckdb`]);
    await writeFile(layout.currentPointer, `${C}\n`);
    expect(await sweepDebris(layout, progress)).toEqual([]);
    expect(await names(layout.snapshotsDir)).toEqual([`${C}.duckdb`, 'CURRENT']);
    expect(steps).toEqual([]);
  });

  it('has nothing to do in a state folder that does not exist yet', async () => {
    expect(await sweepDebris(stateLayout(path.join(layout.stateDir, 'new')), progress)).toEqual([]);
  });
});
