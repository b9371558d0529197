/**
 * GET /api/quality and GET /api/provenance on a snapshot the real ETL builds from the fixture folder with
 * three published flaws (populationWithQualityIssues), served over HTTP.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../support/api.js';
import { populationWithQualityIssues, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';

interface Issue { severity: string; rule: string; sourceId: string | null; sourceTitle: string | null; territoryCode: string | null; territoryName: string | null; territoryLevel: string | null; year: number | null; message: string; localizedMessage: { it: string; en: string } }
interface Quality { snapshot: { id: string }; limit: number; offset: number; matching: number; bySeverity: { severity: string; issues: number }[]; byRule: { rule: string; severity: string; issues: number }[]; rows: Issue[] }
interface Contribution { sourceId: string | null; dataYear: number | null; referenceDate: string; value: number; comuni: number; files: { file: string; sha256: string | null; year: number | null }[]; mergedComuni: { code: string; name: string; sourceCodes: string[] }[] }
interface Term { part: string; variable: string | null; lag: number; sign: number; attribute: string | null; contributions: Contribution[] }
interface Provenance { snapshot: { referenceDate: string }; territory: { code: string; name: string }; year: number; comuniWithData: number; comuniTotal: number; terms: Term[]; sources: { id: string; publisher: string; title: string; licence: string; files: { file: string }[] }[]; loadRun: { runId: string; startedAt: string } }

const POPULATION_FILE = 'population/pavia_popolazione_residente_2018_2021.csv';
const sha256Of = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

let api: RunningApi;
let dataDir: string;
let stateDir: string;
beforeAll(async () => {
  stateDir = await newStateDir();
  dataDir = await writeFixtureDataFolder({ population: populationWithQualityIssues });
  await load(stateDir, dataDir);
  api = await startApi(stateDir);
});
afterAll(() => api?.close());

const quality = async (query = '') => {
  const response = await api.get<Quality>(`/api/quality${query}`);
  expect(response.status).toBe(200);
  return response.body;
};

describe('GET /api/quality', () => {
  it('lists the issues the load published, warnings before infos, then by rule, with territory names and source titles', async () => {
    const body = await quality();
    expect(body.rows.map((r) => [r.severity, r.rule, r.territoryCode, r.year])).toEqual([
      ['warning', 'series-break', '018110', 2020],
      ['warning', 'series-break', '018110', 2021],
      ['warning', 'sex-total-mismatch', '019036', 2022],
      ['info', 'missing-value', '018177', 2019],
    ]);
    expect(body.rows[0]).toMatchObject({
      sourceId: 'pop_pavia_2018_2021',
      sourceTitle: 'Popolazione residente al 1° gennaio 2018-2021, comuni della Provincia di Pavia',
      territoryName: 'Pavia',
      territoryLevel: 'comune',
    });
    expect(body.rows[0]!.message).toMatch(/^Pavia: residents went from 71500 \(2019\) to 76000 \(2020\), \+6\.3% in one year/);
    expect(body.rows[2]).toMatchObject({ territoryName: 'Cremona', message: 'men 34000 + women 37500 = 71500, but the total is 71600' });
    expect(body.rows[3]).toMatchObject({ sourceId: null, sourceTitle: null, territoryName: 'Vigevano' });
    // Every message in both languages, the Italian with it-IT numbers (thousands point, decimal comma).
    expect(body.rows[0]!.localizedMessage).toEqual({
      it: 'Pavia: i residenti passano da 71.500 (2019) a 76.000 (2020), +6,3% in un anno; verificare se c\'è stato un ricalcolo sul censimento o una variazione dei confini',
      en: 'Pavia: residents went from 71500 (2019) to 76000 (2020), +6.3% in one year; check for a census rebase or a boundary change',
    });
    expect(body.rows[2]!.localizedMessage).toEqual({ it: 'maschi 34.000 + femmine 37.500 = 71.500, ma il totale è 71.600', en: 'men 34000 + women 37500 = 71500, but the total is 71600' });
    expect(body.rows[3]!.localizedMessage).toEqual({
      it: 'Vigevano non ha un valore di pop_res per il 2019, che altri comuni della provincia di Pavia hanno',
      en: 'Vigevano has no pop_res value for 2019 while other comuni of its provincia do',
    });
    for (const row of body.rows) expect(row.message).toBe(row.localizedMessage.en);
    expect(body.bySeverity).toEqual([{ severity: 'error', issues: 0 }, { severity: 'warning', issues: 3 }, { severity: 'info', issues: 1 }]);
    expect(body.byRule).toEqual([
      { rule: 'series-break', severity: 'warning', issues: 2 },
      { rule: 'sex-total-mismatch', severity: 'warning', issues: 1 },
      { rule: 'missing-value', severity: 'info', issues: 1 },
    ]);
    expect(body).toMatchObject({ matching: 4, limit: 100, offset: 0 });
    const [run] = await querySnapshot<{ n: number }>(stateDir, 'SELECT CAST(count(*) AS INTEGER) AS n FROM quality_issue');
    expect(run!.n).toBe(4);
  });

  it('filters by severity, rule and territory (and what it contains); each count applies the other filters', async () => {
    const warnings = await quality('?severity=warning');
    expect(warnings.rows.map((r) => r.rule)).toEqual(['series-break', 'series-break', 'sex-total-mismatch']);
    expect(warnings.bySeverity).toEqual([{ severity: 'error', issues: 0 }, { severity: 'warning', issues: 3 }, { severity: 'info', issues: 1 }]);
    expect(warnings.byRule.map((r) => r.rule)).toEqual(['series-break', 'sex-total-mismatch']);
    const breaks = await quality('?rule=series-break');
    expect(breaks.rows.map((r) => r.year)).toEqual([2020, 2021]);
    expect(breaks.bySeverity.find((s) => s.severity === 'info')!.issues).toBe(0);
    expect((await quality('?territory=019')).rows.map((r) => r.territoryName)).toEqual(['Cremona']);
    expect((await quality('?territory=PV-T1')).rows.map((r) => r.territoryCode)).toEqual(['018110', '018110', '018177']);
    expect((await quality('?territory=018193')).rows).toEqual([]);
  });

  it('pages with limit and offset, counting every match, and cuts a large limit to 1000', async () => {
    const page = await quality('?limit=2&offset=1');
    expect(page.rows.map((r) => [r.rule, r.year])).toEqual([['series-break', 2021], ['sex-total-mismatch', 2022]]);
    expect(page).toMatchObject({ matching: 4, limit: 2, offset: 1 });
    expect((await quality('?limit=5000')).limit).toBe(1000);
  });

  it('refuses bad parameters naming them and what is allowed, and an unknown territory with 404', async () => {
    const bad = async (query: string) => {
      const response = await api.get<{ message: string }>(`/api/quality${query}`);
      expect(response.status).toBe(400);
      return response.body.message;
    };
    expect(await bad('?severity=grave')).toBe('severity: "grave" is not allowed; use one of error, warning, info');
    expect(await bad('?rule=typo')).toMatch(/^rule: "typo" is not a quality rule; use one of series-break, .*missing-value/);
    expect(await bad('?limit=0')).toBe('limit: "0" is not allowed; use a whole number from 1 up');
    expect(await bad('?offset=-1')).toMatch(/^offset: /);
    expect(await bad('?territory=018%27%20OR%201=1')).toMatch(/^territory: .* is not a territory code/);
    const unknown = await api.get<{ message: string }>('/api/quality?territory=099');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Territory 099/);
  });

  it('exports CSV and Arrow, with an ETag tied to the snapshot', async () => {
    const csv = await api.get<string>('/api/quality?severity=warning', { Accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const id = csv.headers.get('x-snapshot-id')!;
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="osservatorio-quality-warning-${id}.csv"`);
    expect(csv.headers.get('x-sources')).toBe('pop_italia_2022_sesso,pop_pavia_2018_2021');
    const lines = csv.body.split('\r\n');
    // The Italian dialect: ';' between fields, quotes only around a field with ';', '"' or a line break.
    expect(lines[0]).toBe('severity;rule;sourceId;sourceTitle;territoryCode;territoryName;territoryLevel;year;message;messageIt');
    expect(lines[1]).toBe(
      'warning;series-break;pop_pavia_2018_2021;Popolazione residente al 1° gennaio 2018-2021, comuni della Provincia di Pavia;018110;Pavia;comune;2020;' +
        '"Pavia: residents went from 71500 (2019) to 76000 (2020), +6.3% in one year; check for a census rebase or a boundary change";' +
        '"Pavia: i residenti passano da 71.500 (2019) a 76.000 (2020), +6,3% in un anno; verificare se c\'è stato un ricalcolo sul censimento o una variazione dei confini"',
    );
    expect(lines[3]).toBe('warning;sex-total-mismatch;pop_italia_2022_sesso;Popolazione residente al 1° gennaio 2022 per sesso, tutti i comuni italiani;019036;Cremona;comune;2022;men 34000 + women 37500 = 71500, but the total is 71600;maschi 34.000 + femmine 37.500 = 71.500, ma il totale è 71.600');
    expect(lines.slice(4)).toEqual(['']);

    const response = await fetch(`${api.url}/api/quality?format=arrow`);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.schema.fields.find((f) => f.name === 'year')!.type.toString()).toBe('Int32');
    expect([...table.getChild('territoryName')!]).toEqual(['Pavia', 'Pavia', 'Cremona', 'Vigevano']);
    expect(table.getChild('sourceId')!.nullCount).toBe(1);

    const first = await fetch(`${api.url}/api/quality`);
    const again = await fetch(`${api.url}/api/quality`, { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('GET /api/provenance', () => {
  const provenance = async (query: string) => {
    const response = await api.get<Provenance>(`/api/provenance${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it("lists the suppressed codes summed into a merged comune's value, with the file, its sha256 and the load run (Colli Verdi 2018)", async () => {
    const body = await provenance('?indicator=DEM_POP&territory=018193&year=2018');
    expect(body).toMatchObject({ territory: { code: '018193', name: 'Colli Verdi' }, year: 2018, comuniWithData: 1, comuniTotal: 1 });
    expect(body.terms).toHaveLength(1);
    expect(body.terms[0]).toMatchObject({ part: 'numerator', variable: 'pop_res', lag: 0, sign: 1, attribute: null });
    expect(body.terms[0]!.contributions).toEqual([
      {
        sourceId: 'pop_pavia_2018_2021',
        dataYear: 2018,
        referenceDate: '2018-01-01',
        value: 200 + 700 + 300,
        comuni: 1,
        derived: false,
        files: [{ file: POPULATION_FILE, sha256: await sha256Of(path.join(dataDir, POPULATION_FILE)), year: null }],
        mergedComuni: [{ code: '018193', name: 'Colli Verdi', sourceCodes: ['018028', '018132', '018170'] }],
      },
    ]);
    expect(body.sources).toEqual([
      {
        id: 'pop_pavia_2018_2021',
        title: 'Popolazione residente al 1° gennaio 2018-2021, comuni della Provincia di Pavia',
        publisher: 'opendatasicilia (comuni-italiani), da ISTAT',
        licence: 'CC BY 4.0',
        url: 'https://github.com/opendatasicilia/comuni-italiani',
        synthetic: false,
        files: [{ file: POPULATION_FILE, sha256: await sha256Of(path.join(dataDir, POPULATION_FILE)), year: null }],
      },
    ]);
    const [run] = await querySnapshot<{ run_id: string; started_at: Date }>(stateDir, 'SELECT run_id, started_at FROM load_run');
    expect(body.loadRun).toMatchObject({ runId: run!.run_id, startedAt: run!.started_at.toISOString() });
  });

  it('lists, for a provincia, every merged comune and sums only the comuni that have the value', async () => {
    const body = await provenance('?indicator=DEM_POP&territory=018&year=2019');
    // Vigevano's 2019 cell is empty: 3 of the 4 comuni are summed, as in the values endpoint.
    expect(body).toMatchObject({ comuniWithData: 3, comuniTotal: 4 });
    const [contribution] = body.terms[0]!.contributions;
    expect(contribution!.value).toBe(71500 + 1150 + 630 + 240);
    expect(contribution!.mergedComuni).toEqual([{ code: '018026', name: 'Campospinoso Albaredo', sourceCodes: ['018002', '018026'] }]);
    const values = await api.get<{ benchmark: { numerator: number } }>('/api/indicators/DEM_POP/values?level=comune&parent=018&year=2019');
    expect(values.body.benchmark.numerator).toBe(contribution!.value);
    // Vigevano has 2018 residents, but no DEM_VAR for 2019: its 2018 value is not in the denominator.
    const change = await provenance('?indicator=DEM_VAR&territory=018&year=2019');
    expect(change.terms[2]!.contributions[0]!.value).toBe(72000 + 1200 + 640 + 250);
    const region = await provenance('?indicator=DEM_POP&territory=03&year=2018');
    expect(region.terms[0]!.contributions[0]!.mergedComuni.map((m) => m.code)).toEqual(['018026', '018193']);
  });

  it('reads a lagged term in the year before, with its reference date', async () => {
    const body = await provenance('?indicator=DEM_VAR&territory=018193&year=2019');
    expect(body.terms.map((t) => [t.part, t.lag, t.sign])).toEqual([['numerator', 0, 1], ['numerator', 1, -1], ['denominator', 1, 1]]);
    const [now, before] = body.terms.map((t) => t.contributions[0]!);
    expect(now).toMatchObject({ dataYear: 2019, referenceDate: '2019-01-01', value: 1150, mergedComuni: [] });
    expect(before).toMatchObject({ dataYear: 2018, referenceDate: '2018-01-01', value: 1200 });
    expect(before!.mergedComuni[0]!.sourceCodes).toEqual(['018028', '018132', '018170']);
  });

  it("takes an area term from the territory's area source, as of the reference date", async () => {
    const body = await provenance('?indicator=DEM_DENS&territory=018110&year=2022');
    const area = body.terms.find((t) => t.attribute === 'area_km2')!;
    expect(area).toMatchObject({ part: 'denominator', variable: null });
    expect(area.contributions).toEqual([
      {
        sourceId: 'gi_comuni',
        dataYear: null,
        referenceDate: body.snapshot.referenceDate,
        value: 62.86,
        comuni: 1,
        derived: false,
        files: [{ file: 'territory/gi_comuni.csv', sha256: await sha256Of(path.join(dataDir, 'territory/gi_comuni.csv')), year: null }],
        mergedComuni: [],
      },
    ]);
    expect(body.sources.map((s) => s.id)).toEqual(['pop_italia_2022_sesso', 'gi_comuni']);
  });

  it('answers 404 for an unknown indicator or territory and 400 for a bad or missing parameter', async () => {
    const status = async (query: string) => {
      const response = await api.get<{ message: string }>(`/api/provenance${query}`);
      return [response.status, response.body.message];
    };
    expect(await status('?indicator=NOPE&territory=018')).toEqual([404, expect.stringMatching(/Indicator NOPE .*DEM_POP/)]);
    expect(await status('?indicator=DEM_POP&territory=099')).toEqual([404, expect.stringMatching(/Territory 099/)]);
    expect(await status('?indicator=DEM_POP&territory=018&year=duemila')).toEqual([400, expect.stringMatching(/^year: "duemila" is not a year/)]);
    expect(await status('?indicator=DEM_POP&territory=018&year=2030')).toEqual([400, 'year: DEM_POP has no values for 2030; available years: 2018, 2019, 2020, 2021, 2022']);
    expect(await status('?territory=018')).toEqual([400, 'indicator: is required, e.g. indicator=DEM_POP']);
    expect(await status('?indicator=DEM_POP')).toEqual([400, 'territory: is required, e.g. territory=018110']);
  });
});
