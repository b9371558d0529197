import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCurrentSnapshotId, stateLayout } from './layout.js';

describe('stateLayout', () => {
  it('places snapshots, manifests, the CURRENT pointer and staging under the state folder', () => {
    const layout = stateLayout('/var/osservatorio');
    expect(layout).toMatchObject({
      stateDir: '/var/osservatorio',
      snapshotsDir: '/var/osservatorio/snapshots',
      stagingDir: '/var/osservatorio/staging',
      currentPointer: '/var/osservatorio/snapshots/CURRENT',
    });
    expect(layout.snapshotFile('20250101T000000000Z-abcdef01')).toBe('/var/osservatorio/snapshots/20250101T000000000Z-abcdef01.duckdb');
    expect(layout.manifestFile('20250101T000000000Z-abcdef01')).toBe('/var/osservatorio/snapshots/20250101T000000000Z-abcdef01.json');
  });
});

describe('readCurrentSnapshotId', () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-layout-'));
  });
  afterEach(() => rm(stateDir, { recursive: true, force: true }));

  it('is null when nothing has been published (no snapshots folder)', async () => {
    expect(await readCurrentSnapshotId(stateLayout(stateDir))).toBeNull();
  });

  it('reads the id in CURRENT without its line break, and an empty pointer as none', async () => {
    const layout = stateLayout(stateDir);
    await mkdir(layout.snapshotsDir);
    await writeFile(layout.currentPointer, '20250101T000000000Z-abcdef01\n');
    expect(await readCurrentSnapshotId(layout)).toBe('20250101T000000000Z-abcdef01');
    await writeFile(layout.currentPointer, '\n');
    expect(await readCurrentSnapshotId(layout)).toBeNull();
  });
});
