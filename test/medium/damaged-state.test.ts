import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stateLayout, type StateLayout } from '../../etl/src/publish/layout.js';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { etl } from '../support/etl-cli.js';
import { currentSnapshotId, newStateDir } from '../support/etl.js';

const POPULATION = 'population/pavia_popolazione_residente_2018_2021.csv';

describe('a state folder damaged by a full disk or a killed load', () => {
  let stateDir: string;
  let layout: StateLayout;
  let dataDir: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    stateDir = await newStateDir();
    layout = stateLayout(stateDir);
    const changed = await writeFixtureDataFolder({ overrides: { [POPULATION]: fixtureFiles()[POPULATION]!.replace('71500', '71600') } });
    dataDir = await writeFixtureDataFolder();
    expect((await etl(['load', '--data', changed, '--state', stateDir])).code).toBe(0);
    first = (await currentSnapshotId(stateDir))!;
    expect((await etl(['load', '--data', dataDir, '--state', stateDir])).code).toBe(0);
    second = (await currentSnapshotId(stateDir))!;
  });

  it('lists the other snapshots and names the damaged manifest when one is empty or cut short', async () => {
    const text = await readFile(layout.manifestFile(second), 'utf8');
    await writeFile(layout.manifestFile(first), '');
    await writeFile(layout.manifestFile(second), text.slice(0, text.length / 2));

    const status = await etl(['status', '--state', stateDir]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toContain(`warning: ${layout.manifestFile(first)}: `);
    expect(status.stderr).toContain(`warning: ${layout.manifestFile(second)}: `);
    expect(status.stderr).toMatch(/damaged-manifest/);

    // The inputs' fingerprint is unknown without the manifest: the load runs again and publishes.
    const reload = await etl(['load', '--data', dataDir, '--state', stateDir, '--if-changed']);
    expect(reload.code, reload.stderr).toBe(0);
    expect(reload.stderr).toContain(layout.manifestFile(second));
    expect(reload.stderr).toMatch(/published snapshot/);
    const third = (await currentSnapshotId(stateDir))!;
    expect(JSON.parse(await readFile(layout.manifestFile(third), 'utf8')).id).toBe(third);
    expect((await etl(['status', '--state', stateDir])).stdout).toContain(`* ${third}`);
  });

  it('sweeps what killed loads left behind, and nothing that is served or kept', async () => {
    const current = (await currentSnapshotId(stateDir))!;
    const kept = (await readdir(layout.snapshotsDir)).filter((n) => n.endsWith('.duckdb') || n.endsWith('.json'));
    const debris = [
      path.join(layout.stagingDir, '20250101T000000000Z-deadbeef.duckdb'),
      path.join(layout.stagingDir, '20250101T000000000Z-deadbeef.duckdb.wal'),
      path.join(layout.snapshotsDir, 'CURRENT.4242.tmp'),
      path.join(layout.snapshotsDir, '20250101T000000001Z-deadbeef.json.4242.tmp'),
      path.join(layout.snapshotsDir, '20250101T000000001Z-deadbeef.duckdb'),
    ];
    for (const file of debris) await writeFile(file, 'left over');
    await mkdir(path.join(layout.stagingDir, '20250101T000000000Z-deadbeef.duckdb.tmp'));
    await writeFile(path.join(layout.stagingDir, '20250101T000000000Z-deadbeef.duckdb.tmp', 'duckdb_temp_storage-0.tmp'), 'spill');

    const result = await etl(['load', '--data', dataDir, '--state', stateDir, '--if-changed']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/removed what interrupted loads left behind: .*20250101T000000001Z-deadbeef\.duckdb/);
    expect(await readdir(layout.stagingDir)).toEqual([]);
    expect((await readdir(layout.snapshotsDir)).sort()).toEqual([...kept, 'CURRENT', 'SERVED'].sort());
    expect(await currentSnapshotId(stateDir)).toBe(current);
  });
});
