import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir } from '../support/etl.js';

interface ValueRow { code: string; name: string; numerator: number | null; denominator: number | null; value: number | null; comuniWithData: number; comuniTotal: number }
interface ValuesResponse { indicator: { code: string }; level: string; year: number; snapshot: { id: string }; rows: ValueRow[]; benchmark: ValueRow | null; sources: { id: string }[] }

describe('ETL on fixtures → snapshot → API values, checked against sums done by hand', () => {
  let api: RunningApi;

  beforeAll(async () => {
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    api = await startApi(stateDir);
  });
  afterAll(() => api?.close());

  const values = async (query: string) => {
    const response = await api.get<ValuesResponse>(`/api/indicators/${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const row = (body: ValuesResponse, code: string) => body.rows.find((r) => r.code === code);

  it('serves a merged comune with its predecessors summed (Colli Verdi 2018 = Canevino + Ruino + Valverde)', async () => {
    const body = await values('DEM_POP/values?level=comune&parent=018&year=2018');
    expect(body.rows.map((r) => r.code).sort()).toEqual(['018026', '018110', '018177', '018193']);
    expect(row(body, '018193')).toMatchObject({ numerator: 200 + 700 + 300, value: 1200 });
    expect(row(body, '018026')).toMatchObject({ value: 640 + 250 });
    expect(body.benchmark).toMatchObject({ code: '018', value: 72000 + 63000 + 1200 + 890, comuniWithData: 4, comuniTotal: 4 });
    expect(body.sources.map((s) => s.id)).toEqual(['pop_pavia_2018_2021']);
  });

  it('rolls up Ambiti as Σ numerator ÷ Σ denominator, never an average of ratios', async () => {
    const body = await values('DEM_U12/values?level=ambito&parent=018&year=2021');
    expect(row(body, 'PV-T1')).toMatchObject({ numerator: 6000 + 5500, denominator: 70971 + 62000, comuniWithData: 2, comuniTotal: 2 });
    expect(row(body, 'PV-T1')!.value).toBeCloseTo(((6000 + 5500) / (70971 + 62000)) * 100, 10);
    // Albaredo (018002) was absorbed by Campospinoso (018026) in 2023: its children count there.
    expect(row(body, 'PV-T2')).toMatchObject({ numerator: 80 + 50 + 19, denominator: 1100 + 600 + 234 });
    expect(row(body, 'PV-T2')!.value).toBeCloseTo(((80 + 50 + 19) / (1100 + 600 + 234)) * 100, 10);
  });

  it('rolls up provinces of a regione, and benchmarks them against the regione', async () => {
    const body = await values('DEM_MASC/values?level=provincia&parent=03&year=2022');
    expect(row(body, '018')!.value).toBeCloseTo(((33627 + 29800 + 540 + 310 + 110) / (36753 + 32000 + 540 + 300 + 120)) * 100, 10);
    expect(row(body, '019')!.value).toBeCloseTo((34000 / 37500) * 100, 10);
    expect(body.benchmark!.value).toBeCloseTo(((33627 + 29800 + 540 + 310 + 110 + 34000) / (36753 + 32000 + 540 + 300 + 120 + 37500)) * 100, 10);
  });

  it('computes change on the previous year and density on current areas', async () => {
    const change = await values('DEM_VAR/values?level=comune&parent=018&year=2019');
    expect(row(change, '018193')!.value).toBeCloseTo(((1150 - 1200) / 1200) * 100, 10);
    const density = await values('DEM_DENS/values?level=comune&parent=018&year=2022');
    expect(row(density, '018110')!.value).toBeCloseTo(70380 / 62.86, 10);
  });

  it('answers bad parameters with 400 naming the parameter and what is allowed, unknown codes with 404', async () => {
    const badLevel = await api.get<{ message: string }>('/api/indicators/DEM_POP/values?level=quartiere');
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.message).toMatch(/level.*comune.*ambito.*provincia/s);
    const badYear = await api.get<{ message: string }>('/api/indicators/DEM_U12/values?level=comune&parent=018&year=2019');
    expect(badYear.status).toBe(400);
    expect(badYear.body.message).toMatch(/year.*2021/s);
    const notAYear = await api.get<{ message: string }>('/api/indicators/DEM_POP/values?year=duemila');
    expect(notAYear.status).toBe(400);
    expect(notAYear.body.message).toMatch(/year/);
    const unknown = await api.get<{ message: string }>('/api/indicators/NOPE/values');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/DEM_POP/);
    const unknownParent = await api.get('/api/indicators/DEM_POP/values?level=comune&parent=099');
    expect(unknownParent.status).toBe(404);
  });
});
