import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { currentSnapshotId, load, newStateDir } from '../support/etl.js';

const servedId = async (api: RunningApi) => (await api.get<{ snapshot: { id: string } | null }>('/api/health')).body.snapshot?.id;

async function eventually<T>(probe: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}

describe('a running API while loads succeed and fail', () => {
  let stateDir: string;
  let api: RunningApi;

  beforeAll(async () => {
    stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    api = await startApi(stateDir);
  });
  afterAll(() => api?.close());

  it('keeps serving the last good snapshot when a load fails, and moves to a new one when a load succeeds', async () => {
    const first = await currentSnapshotId(stateDir);
    expect(await servedId(api)).toBe(first);

    const population = 'population/pavia_popolazione_residente_2018_2021.csv';
    const broken = await writeFixtureDataFolder({ overrides: { [population]: fixtureFiles()[population]!.replace('71500', 'abc') } });
    await expect(load(stateDir, broken)).rejects.toThrow(/not-a-number/);
    expect(await currentSnapshotId(stateDir)).toBe(first);
    const before = await api.get<{ rows: { code: string; value: number }[] }>('/api/indicators/DEM_POP/values?level=comune&parent=018&year=2019');
    expect(before.status).toBe(200);
    expect(await servedId(api)).toBe(first);

    const changed = await writeFixtureDataFolder({ overrides: { [population]: fixtureFiles()[population]!.replace('71500', '71501') } });
    await load(stateDir, changed);
    const second = await currentSnapshotId(stateDir);
    expect(second).not.toBe(first);
    expect(await eventually(() => servedId(api), second)).toBe(second);
    const after = await api.get<{ rows: { code: string; value: number }[] }>('/api/indicators/DEM_POP/values?level=comune&parent=018&year=2019');
    expect(after.body.rows.find((r) => r.code === '018110')?.value).toBe(71501);
  });
});
