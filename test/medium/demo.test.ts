import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';

interface ValuesResponse {
  synthetic: boolean;
  snapshot: { mode: string };
  rows: { code: string; value: number | null; synthetic: boolean }[];
  sources: { id: string; synthetic: boolean }[];
}

describe('the demo (no data folder): real comuni and census, synthetic layer flagged', () => {
  let stateDir: string;
  let api: RunningApi;

  beforeAll(async () => {
    stateDir = await newStateDir();
    await load(stateDir, null);
    api = await startApi(stateDir);
  });
  afterAll(() => api?.close());

  it('serves the real 2011 census population of the 186 comuni of Pavia, unflagged', async () => {
    const { body } = await api.get<ValuesResponse>('/api/indicators/DEM_POP/values?level=comune&parent=018&year=2011');
    expect(body.snapshot.mode).toBe('demo');
    expect(body.rows).toHaveLength(186);
    expect(body.rows.find((r) => r.code === '018110')).toMatchObject({ value: 68280, synthetic: false });
    expect(body.rows.reduce((sum, r) => sum + (r.value ?? 0), 0)).toBe(535822);
    expect(body.synthetic).toBe(false);
  });

  it('flags every generated value as synthetic, in the rows, the response and its sources', async () => {
    const { body } = await api.get<ValuesResponse>('/api/indicators/DEM_MASC/values?level=comune&parent=018&year=2022');
    expect(body.synthetic).toBe(true);
    expect(body.rows.every((r) => r.synthetic)).toBe(true);
    expect(body.sources).toEqual([expect.objectContaining({ id: 'demo_sintetico', synthetic: true })]);
    const csv = await api.get<string>('/api/indicators/DEM_MASC/values?level=comune&parent=018&year=2022&format=csv');
    expect(csv.body.split('\r\n')[1]).toMatch(/,true,/);
  });

  it('is deterministic: two demo loads give the same values', async () => {
    const other = await newStateDir();
    await load(other, null);
    const sql = `SELECT sum(value * (year - 2000)) AS checksum FROM observation`;
    expect(await querySnapshot(other, sql)).toEqual(await querySnapshot(stateDir, sql));
  });

  it('has no boundaries, and says where to get them', async () => {
    const response = await api.get<{ message: string; downloadUrl: string }>('/api/boundaries/018');
    expect(response.status).toBe(404);
    expect(response.body.downloadUrl).toMatch(/^https:\/\//);
  });
});
