import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { etl as runEtl } from '../support/etl-cli.js';
import { currentSnapshotId, newStateDir } from '../support/etl.js';

const POPULATION = 'population/pavia_popolazione_residente_2018_2021.csv';
const etl = (...args: string[]) => runEtl(args);

describe('the etl command line: load, status, rollback', () => {
  let stateDir: string;
  let dataDir: string;

  beforeAll(async () => {
    stateDir = await newStateDir();
    dataDir = await writeFixtureDataFolder();
  });

  it('loads with progress, skips unchanged inputs with --if-changed, lists snapshots and rolls back', async () => {
    const first = await etl('load', '--data', dataDir, '--state', stateDir);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/read pop_pavia_2018_2021: population\/pavia_popolazione_residente_2018_2021\.csv: 9 rows/);
    expect(first.stderr).toMatch(/published snapshot/);
    const firstId = await currentSnapshotId(stateDir);

    const unchanged = await etl('load', '--data', dataDir, '--state', stateDir, '--if-changed');
    expect(unchanged.stderr).toMatch(new RegExp(`inputs unchanged since snapshot ${firstId}`));
    expect(await currentSnapshotId(stateDir)).toBe(firstId);
    // As `npm start` runs it with no data folder: real data is kept, not replaced by the demo.
    const startWithoutData = await etl('load', '--state', stateDir, '--if-changed');
    expect(startWithoutData.stderr).toMatch(new RegExp(`keeping real snapshot ${firstId}`));
    expect(await currentSnapshotId(stateDir)).toBe(firstId);

    const changed = await writeFixtureDataFolder({ overrides: { [POPULATION]: fixtureFiles()[POPULATION]!.replace('71500', '71600') } });
    expect((await etl('load', '--data', changed, '--state', stateDir, '--if-changed')).code).toBe(0);
    const secondId = await currentSnapshotId(stateDir);
    expect(secondId).not.toBe(firstId);

    const status = await etl('status', '--state', stateDir);
    expect(status.stdout).toContain(`* ${secondId}`);
    expect(status.stdout).toContain(`  ${firstId}`);
    expect(status.stdout).toMatch(/source pop_pavia_2018_2021: population\/pavia_popolazione_residente_2018_2021\.csv, 9 rows/);

    const rollback = await etl('rollback', '--state', stateDir);
    expect(rollback.stdout).toBe(`Now serving ${firstId} (was ${secondId}).\n`);
    expect(await currentSnapshotId(stateDir)).toBe(firstId);
    const nothingBefore = await etl('rollback', '--state', stateDir);
    expect(nothingBefore.code).toBe(1);
    expect(nothingBefore.stderr).toMatch(new RegExp(`Nothing to roll back to: ${firstId} is the oldest snapshot kept`));
  });

  it('exits non-zero on a broken file, saying where and that nothing was published', async () => {
    const before = await currentSnapshotId(stateDir);
    const broken = await writeFixtureDataFolder({ overrides: { [POPULATION]: fixtureFiles()[POPULATION]!.replace('71500', '-3') } });
    const result = await etl('load', '--data', broken, '--state', stateDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pavia_popolazione_residente_2018_2021\.csv:2:4: .*\[negative-count\]/);
    expect(result.stderr).toMatch(/Nothing was published/);
    expect(await currentSnapshotId(stateDir)).toBe(before);
  });

  it('names a state folder that is a file, or cannot be created, and what to do, for every command', async () => {
    const file = `${dataDir}/territory/gi_comuni.csv`;
    for (const command of ['load', 'status', 'check', 'rollback']) {
      const result = await etl(command, '--data', dataDir, '--state', file);
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toContain(`etl: the state folder ${file} is a file, not a folder; expected the folder where snapshots live, given by --state or OSSERVATORIO_STATE_DIR`);
    }
    const under = await etl('load', '--data', dataDir, '--state', `${file}/state`);
    expect(under.stderr).toContain(`etl: the state folder ${file}/state cannot be created: ${file} is a file; expected the folder where snapshots live, given by --state or OSSERVATORIO_STATE_DIR`);
    expect(under.stderr).toMatch(/Nothing was published/);
    const status = await etl('status', '--state', file);
    expect(status.stderr).not.toMatch(/Nothing was published/);
  });

  it('prints the whole quality report through a pipe, however long', async () => {
    const state = await newStateDir();
    expect((await etl('load', '--data', dataDir, '--state', state)).code).toBe(0);
    // 5,000 more warnings: about 300 KB of report, several times what a pipe holds at once.
    const file = path.join(state, 'snapshots', `${await currentSnapshotId(state)}.duckdb`);
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run(`INSERT INTO quality_issue SELECT 'warning', 'series-break', NULL, printf('%06d', i), 2020, printf('comune %06d: residents went from 100 to 200 (+100.0%%) in one year; check for a census rebase or a boundary change', i), 'x' FROM range(5000) t(i)`);
    const counted = Number((await connection.runAndReadAll('SELECT count(*) FROM quality_issue')).getRows()[0]![0]);
    connection.closeSync();
    instance.closeSync();
    const check = await etl('check', '--state', state);
    expect(check.code).toBe(0);
    const messages = check.stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(messages).toHaveLength(counted);
    expect(check.stdout.endsWith('\n')).toBe(true);

    const short = await etl('check', '--state', state, '--per-rule', '2');
    expect(short.stdout.split('\n').filter((line) => line.includes('[series-break]'))).toEqual([
      '  comune 000000: residents went from 100 to 200 (+100.0%) in one year; check for a census rebase or a boundary change [series-break]',
      '  comune 000001: residents went from 100 to 200 (+100.0%) in one year; check for a census rebase or a boundary change [series-break]',
      '  … and 4998 more [series-break]',
    ]);
    const bad = await etl('check', '--state', state, '--per-rule', 'tutti');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--per-rule "tutti": expected a whole number from 1 up');
  });

  it('explains its usage', async () => {
    const result = await etl('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});
