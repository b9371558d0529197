/**
 * The real published files (OSSERVATORIO_DATA_DIR): the API must give the known facts, and every value
 * of every catalogued indicator must match a computation made here independently of the ETL's
 * connectors, with DuckDB's own CSV reader on the raw files.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { launchChromium, sideways } from '../support/browser.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';
import { chromium, describeIf, realData } from '../support/requirements.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Every page of the dashboard, as a user opens it, with what shows it is drawn. */
const PAGES = {
  panoramica: { hash: '#/', ready: '[data-testid="overview"]' },
  indicatori: { hash: '#/indicatori', ready: '[data-testid="values-table"]' },
  area: { hash: '#/area?area=anziani', ready: '[data-testid="area-title"]' },
  profilo: { hash: '#/profilo?territorio=018110', ready: '[data-testid="profile-table"]' },
  confronta: { hash: '#/confronta?territori=018110,018177,018183', ready: '[data-testid="compare-results"]' },
  bisogni: { hash: '#/bisogni', ready: 'main h2.page-title' },
  qualita: { hash: '#/qualita', ready: '[data-testid="severity-counts"]' },
} as const;
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

interface ValueRow { code: string; value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean; smallNumber: boolean }
interface ValuesResponse { rows: ValueRow[]; benchmark: ValueRow | null; indicator: { years: number[] } }

// The only merger since the boundaries and the files were published: Albaredo Arnaboldi into
// Campospinoso Albaredo on 2023-11-18 (ISTAT list of suppressed comuni).
const INDEPENDENT_SQL = `
WITH wide AS (SELECT * FROM read_csv($pop, all_varchar = true)),
pop AS (
  SELECT pro_com_t AS code, 2000 + substr(col, 9)::INTEGER AS year, value::DOUBLE AS value
  FROM wide UNPIVOT (value FOR col IN (pop_res_18, pop_res_19, pop_res_20, pop_res_21))
  WHERE value <> ''
  UNION ALL
  SELECT lpad(municipality_code::VARCHAR, 6, '0'), 2022, population::DOUBLE FROM read_csv($italy) WHERE province_code = 18
),
u12 AS (SELECT lpad(pro_com::VARCHAR, 6, '0') AS code, under12::DOUBLE AS under12, over12::DOUBLE AS over12 FROM read_csv($u12)),
sex AS (SELECT lpad(municipality_code::VARCHAR, 6, '0') AS code, population_M::DOUBLE AS m, population_F::DOUBLE AS f FROM read_csv($italy) WHERE province_code = 18),
area AS (
  SELECT codice_istat AS code, replace(superficie_kmq, ',', '.')::DOUBLE AS km2
  FROM read_csv($comuni, delim = ';', all_varchar = true) WHERE codice_sovracomunale = '018'
),
current_code AS (SELECT code, CASE code WHEN '018002' THEN '018026' ELSE code END AS current FROM (SELECT code FROM pop UNION SELECT code FROM u12)),
p AS (SELECT c.current AS code, year, sum(value) AS value FROM pop JOIN current_code c USING (code) GROUP BY ALL),
parts AS (
  SELECT 'DEM_POP' AS indicator, code, year, value AS num, NULL::DOUBLE AS den FROM p
  UNION ALL SELECT 'DEM_VAR', cur.code, cur.year, cur.value - prev.value, prev.value FROM p cur JOIN p prev ON prev.code = cur.code AND prev.year = cur.year - 1
  UNION ALL SELECT 'DEM_DENS', p.code, p.year, p.value, area.km2 FROM p JOIN area USING (code)
  UNION ALL SELECT 'DEM_U12', c.current, 2021, sum(under12), sum(under12 + over12) FROM u12 JOIN current_code c USING (code) GROUP BY ALL
  UNION ALL SELECT 'DEM_MASC', c.current, 2022, sum(m), sum(f) FROM sex JOIN current_code c USING (code) GROUP BY ALL
)
SELECT indicator, code, year, num, den FROM parts`;

describeIf(realData)('real data folder → ETL → API', () => {
  const dataDir = process.env.OSSERVATORIO_DATA_DIR!;
  // The office sees every value, to compare with the raw files; the public the same values less the suppressed.
  let api: RunningApi;
  let publicApi: RunningApi;
  let stateDir: string;

  beforeAll(async () => {
    stateDir = await newStateDir();
    await load(stateDir, dataDir);
    api = await startApi(stateDir, { OSSERVATORIO_AUDIENCE: 'office' });
    publicApi = await startApi(stateDir);
  });
  afterAll(async () => {
    await api?.close();
    await publicApi?.close();
  });

  const values = async (indicator: string, level: string, year: number, from = api) => {
    const response = await from.get<ValuesResponse>(`/api/indicators/${indicator}/values?level=${level}&parent=018&year=${year}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('gives the known facts: Pavia and the provincia on 1 January 2021 and 2022', async () => {
    const y2021 = await values('DEM_POP', 'comune', 2021);
    const y2022 = await values('DEM_POP', 'comune', 2022);
    expect(y2021.rows.find((r) => r.code === '018110')?.value).toBe(70971);
    expect(y2022.rows.find((r) => r.code === '018110')?.value).toBe(70380);
    expect(y2021.benchmark?.value).toBe(534951);
    expect(y2022.benchmark?.value).toBe(534506);
    // 186 comuni were published; Albaredo Arnaboldi now lies within Campospinoso Albaredo.
    expect(y2021.rows).toHaveLength(185);
    expect(y2021.rows.reduce((sum, r) => sum + (r.value ?? 0), 0)).toBe(534951);
  });

  it('matches an independent computation from the raw files for every indicator, comune and year', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const expected = (await connection.runAndReadAll(INDEPENDENT_SQL, {
      pop: path.join(dataDir, 'population/pavia_popolazione_residente_2018_2021.csv'),
      italy: path.join(dataDir, 'population/italy_geo_pop_2022.csv'),
      u12: path.join(dataDir, 'population/pavia_popolazione_2021_under12.csv'),
      comuni: path.join(dataDir, 'territory/gi_comuni.csv'),
    })).getRowObjectsJS() as { indicator: string; code: string; year: number; num: number; den: number | null }[];
    connection.closeSync();
    instance.closeSync();

    const multiplier: Record<string, number> = { DEM_POP: 1, DEM_VAR: 100, DEM_DENS: 1, DEM_U12: 100, DEM_MASC: 100 };
    const groups = new Map<string, typeof expected>();
    for (const e of expected) groups.set(`${e.indicator}|${e.year}`, [...(groups.get(`${e.indicator}|${e.year}`) ?? []), e]);
    let compared = 0;
    for (const [key, rows] of groups) {
      const [indicator, year] = key.split('|') as [string, string];
      const served = await values(indicator, 'comune', Number(year));
      for (const e of rows) {
        const actual = served.rows.find((r) => r.code === e.code);
        const value = e.den === null ? e.num : (e.num / e.den) * multiplier[indicator]!;
        expect(actual?.value, `${indicator} ${year} ${e.code}`).toBeCloseTo(value, 9);
        compared += 1;
      }
      const withData = served.rows.filter((r) => r.value !== null).length;
      expect(withData, `${indicator} ${year}: comuni with a value`).toBe(rows.length);
    }
    expect(compared).toBeGreaterThan(5 * 185);
  });

  it('shows the public the office values except the suppressed ones, which carry no number', async () => {
    const office = await values('DEM_U12', 'comune', 2021);
    const published = await values('DEM_U12', 'comune', 2021, publicApi);
    const suppressed = published.rows.filter((r) => r.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of published.rows) {
      const seen = office.rows.find((r) => r.code === row.code)!;
      if (row.suppressed) expect([row.value, row.numerator], row.code).toEqual([null, null]);
      else expect(row.value, row.code).toBe(seen.value);
    }
    // Rocca de' Giorgi (018125): 13 children of 66 residents, under DEM_U12's minimum denominator of 100,
    // carries the small-number flag; Pavia does not.
    expect(office.rows.find((r) => r.code === '018125')).toMatchObject({ numerator: 13, denominator: 66, smallNumber: true });
    expect(office.rows.find((r) => r.code === '018110')).toMatchObject({ smallNumber: false });
  });

  it('flags the 2022 census rebase instead of hiding it (Bereguardo 3,093 → 2,861)', async () => {
    const bereguardo = await values('DEM_VAR', 'comune', 2022);
    expect(bereguardo.rows.find((r) => r.code === '018014')?.value).toBeCloseTo(((2861 - 3093) / 3093) * 100, 9);
    const flagged = await querySnapshot<{ rule: string; severity: string; message: string }>(stateDir, `SELECT rule, severity, message FROM quality_issue WHERE territory_code = '018014' AND year = 2022 ORDER BY rule`);
    // The break is a published warning, explained; the change is also far from the other comuni of Pavia.
    expect(flagged.map((f) => [f.rule, f.severity])).toEqual([['outlier', 'info'], ['series-break', 'warning']]);
    expect(flagged.find((f) => f.rule === 'series-break')!.message).toBe('Bereguardo: residents went from 3093 (2021) to 2861 (2022), -7.5% in one year; likely the 2022 rebase of the population on the permanent census');
  });

  describeIf(chromium)('the dashboard on the real data, in Chromium', () => {
    // Screenshots of every page at desktop and phone sizes go to test/artifacts/, to be looked at.
    for (const [size, viewport] of Object.entries(SIZES)) {
      it(`draws every page at ${size} size, with no error and nothing scrolling sideways`, async () => {
        await mkdir(ARTIFACTS, { recursive: true });
        const browser = await launchChromium();
        try {
          for (const [name, { hash, ready }] of Object.entries(PAGES)) {
            const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
            await page.goto(`${publicApi.url}/${hash}`);
            await page.waitForSelector(ready);
            await page.waitForLoadState('networkidle');
            // Every chart on the page drawn, every placeholder gone.
            await page.waitForFunction(() => {
              const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): { querySelector(s: string): unknown }[] } };
              return document.querySelectorAll('[data-testid="loading"]').length === 0 && [...document.querySelectorAll('.chart')].every((chart) => chart.querySelector('svg') !== null);
            });
            await page.screenshot({ path: `${ARTIFACTS}real-${name}-${viewport.width}.png`, fullPage: true });
            if (name === 'panoramica') {
              // The real data has no register of services yet: the question stays, saying what it needs.
              expect(await page.locator('[data-testid="priority-question"]').innerText()).toMatch(/servono i dati dei servizi offerti/);
            }
            expect(await page.locator('.notice-error').count(), name).toBe(0);
            const scrolled = await sideways(page);
            expect(scrolled.pixels, `${name}: ${scrolled.where.join('; ')}`).toBe(0);
            await page.close();
          }
        } finally {
          await browser.close();
        }
      });
    }
  });

  it('serves one boundary shape per current comune', async () => {
    const response = await api.get<{ objects: { comuni: { geometries: { properties: { code: string } }[] } } }>('/api/boundaries/018');
    expect(response.status).toBe(200);
    const codes = response.body.objects.comuni.geometries.map((g) => g.properties.code);
    expect(new Set(codes).size).toBe(185);
    expect(codes).toContain('018026');
    expect(codes).not.toContain('018002');
  });
});
