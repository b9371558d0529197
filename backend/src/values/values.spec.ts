import { describe, expect, it } from 'vitest';
import { districtPopulation, projectCatalogue, projectSources, VIGEVANO } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

// Expected values are worked out from the fixture's inputs (district-fixture.ts), as the ETL should sum them.
const server = serveSnapshotDuringSuite();
const { wide, under12 } = districtPopulation;
const n = (value: number | '' | undefined): number => {
  if (typeof value !== 'number') throw new Error('the fixture has no number here');
  return value;
};
/** Residents on 1 January of `year` (2018-2021), with the codes merged into each current comune summed. */
const residents = (year: number, ...codes: string[]) => codes.reduce((sum, code) => sum + n(wide[code]![year - 2018]), 0);
const under12of = (code: string) => n(under12[code]![0]);
const all2021of = (code: string) => n(under12[code]![0]) + n(under12[code]![1]);

const values = (path: string) => getJson(`${server.url}/api/indicators/${path}`);

describe('values of a ratio (DEM_U12, 2021)', () => {
  // Campospinoso Albaredo (018026) includes Albaredo Arnaboldi (018002), merged into it in 2023.
  const pavia = { numerator: under12of('18110'), denominator: all2021of('18110') };
  const colliVerdi = { numerator: under12of('18193'), denominator: all2021of('18193') };
  const campospinoso = { numerator: under12of('18026') + under12of('18002'), denominator: all2021of('18026') + all2021of('18002') };

  it('sums numerators and denominators over the comuni with data of each ambito, and of the provincia as benchmark', async () => {
    const { status, body } = await values('DEM_U12/values?level=ambito&parent=018&year=2021');
    expect(status).toBe(200);
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(['PV-T1', 'PV-T2']); // by name: Nord, Sud
    const [nord, sud] = body.rows;
    expect(nord).toMatchObject({ ...pavia, comuniWithData: 1, comuniTotal: 1, synthetic: false });
    expect(nord.value).toBeCloseTo((pavia.numerator / pavia.denominator) * 100, 10);
    // Sud: Vigevano has no 2021 row, Colli Verdi and Campospinoso Albaredo have.
    const sudSums = { numerator: colliVerdi.numerator + campospinoso.numerator, denominator: colliVerdi.denominator + campospinoso.denominator };
    expect(sud).toMatchObject({ ...sudSums, comuniWithData: 2, comuniTotal: 3, synthetic: false });
    expect(sud.value).toBeCloseTo((sudSums.numerator / sudSums.denominator) * 100, 10);
    // Not the average of the comuni's ratios: Σ÷Σ.
    const averageOfRatios = ((colliVerdi.numerator / colliVerdi.denominator + campospinoso.numerator / campospinoso.denominator) / 2) * 100;
    expect(sud.value).not.toBeCloseTo(averageOfRatios, 2);
    const provincia = { numerator: pavia.numerator + sudSums.numerator, denominator: pavia.denominator + sudSums.denominator };
    expect(body.benchmark).toMatchObject({ code: '018', ...provincia, comuniWithData: 3, comuniTotal: 4 });
    expect(body.benchmark.value).toBeCloseTo((provincia.numerator / provincia.denominator) * 100, 10);
    expect(body.synthetic).toBe(false);
    const under12Source = projectSources().find((s) => s.file === 'population/pavia_popolazione_2021_under12.csv')!;
    expect(body.sources).toEqual([{ id: under12Source.id, title: under12Source.title, publisher: under12Source.publisher, licence: under12Source.licence, url: under12Source.url, synthetic: false }]);
    expect(body).toMatchObject({ level: 'ambito', parent: '018', year: 2021, snapshot: { id: server.snapshotId } });
    expect(body.indicator).toMatchObject({ code: 'DEM_U12', multiplier: 100, plainCount: false, years: [2021] });
  });

  it('lists every comune under the parent, those without data included', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=018');
    expect(body.rows.map((r: { name: string }) => r.name)).toEqual(['Campospinoso Albaredo', 'Colli Verdi', 'Pavia', 'Vigevano']);
    const vigevano = body.rows.at(-1);
    expect(vigevano).toMatchObject({ code: VIGEVANO, name: 'Vigevano', numerator: null, denominator: null, value: null, ci95: null, comparison: 'not_compared', synthetic: false, comuniWithData: 0, comuniTotal: 1 });
    const paviaRow = body.rows.find((r: { code: string }) => r.code === '018110');
    expect(paviaRow).toMatchObject({ ...pavia, comuniWithData: 1, comuniTotal: 1 });
    expect(paviaRow.value).toBeCloseTo((pavia.numerator / pavia.denominator) * 100, 10);
  });

  it('takes the comuni of an ambito as of the reference date', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=PV-T1');
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(['018110']); // Vigevano moved to PV-T2 in 2021
    expect(body.benchmark).toMatchObject({ code: 'PV-T1', comuniWithData: 1, comuniTotal: 1 });
    expect(body.benchmark.value).toBeCloseTo((pavia.numerator / pavia.denominator) * 100, 10);
  });
});

describe('values of a plain count (DEM_POP)', () => {
  it('is the sum when every comune has data, and null when some are missing', async () => {
    // Vigevano's residents of 1 January 2020 were not published.
    const { body } = await values('DEM_POP/values?level=provincia&parent=03&year=2020');
    const [cremona, pavia] = body.rows;
    expect(cremona).toMatchObject({ code: '019', numerator: residents(2020, '019036'), denominator: null, value: residents(2020, '019036'), comuniWithData: 1, comuniTotal: 1 });
    expect(pavia).toMatchObject({ code: '018', numerator: residents(2020, '018110', '018193', '018026', '018002'), value: null, comuniWithData: 3, comuniTotal: 4 });
    expect(body.benchmark).toMatchObject({ code: '03', value: null, comuniWithData: 4, comuniTotal: 5 });
  });

  it('is complete in a year where every comune has data', async () => {
    const { body } = await values('DEM_POP/values?level=regione&year=2019');
    // Colli Verdi's 2019 row is its own (its predecessors were merged on 1 January 2019).
    const total = residents(2019, '018110', VIGEVANO, '018193', '018026', '018002', '019036');
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ code: '03', name: 'Lombardia', numerator: total, denominator: null, value: total, synthetic: false, comuniWithData: 5, comuniTotal: 5, comparison: 'not_compared' });
    expect(body.benchmark).toBeNull();
    expect(body.parent).toBeNull();
  });

  it('defaults to level comune everywhere, in the latest year', async () => {
    const { body } = await values('DEM_POP/values');
    expect(body.level).toBe('comune');
    expect(body.year).toBe(2022); // italy_geo_pop_2022.csv
    expect(body.rows).toHaveLength(5);
  });
});

describe('bad requests', () => {
  it.each([
    ['DEM_POP/values?level=district', 400, /^level: "district" is not allowed; use one of comune, ambito, provincia, regione$/],
    ['DEM_U12/values?year=2019', 400, /^year: DEM_U12 has no values for 2019; available years: 2021$/],
    ['DEM_POP/values?year=20x4', 400, /^year: .*four digits/],
    ['DEM_POP/values?level=provincia&parent=PV-T1', 400, /^parent: PV-T1 \(Ambito di prova Nord\) is of level ambito; for level provincia the parent must be of level regione or italia$/],
    ['DEM_POP/values?parent=018;DROP', 400, /^parent: .*not a territory code/],
    ['DEM_POP/values?level=comune&level=ambito', 400, /^level: give it once/],
    ['DEM_POP/values?parent=099', 404, /Territory 099 is not in snapshot/],
    ['NOPE/values', 404, new RegExp(`Indicator NOPE is not in snapshot .*; known codes: ${projectCatalogue().map((i) => i.code).join(', ')}$`)],
  ])('%s → %i', async (path, status, message) => {
    const { status: actual, body } = await values(path);
    expect(actual).toBe(status);
    expect(body.statusCode).toBe(status);
    expect(body.error).toBe(status === 400 ? 'Bad Request' : 'Not Found');
    expect(body.message).toMatch(message);
  });
});

describe('values built from synthetic data (the demo)', () => {
  const demo = serveSnapshotDuringSuite({ data: 'demo' });
  const demoValues = (path: string) => getJson(`${demo.url}/api/indicators/${path}`);

  it('flags the rows and the answer synthetic where the demo generated them, and only there', async () => {
    // The demo's 2011 census values are real; its 2018-2022 values for provincia 018 are generated.
    const generated = await demoValues('DEM_POP/values?level=provincia&parent=03&year=2022');
    expect(generated.body.rows.find((r: { code: string }) => r.code === '018')).toMatchObject({ synthetic: true });
    expect(generated.body.rows.find((r: { code: string }) => r.code === '015')).toMatchObject({ synthetic: false, comuniWithData: 0 });
    expect(generated.body.benchmark).toMatchObject({ code: '03', synthetic: true });
    expect(generated.body.synthetic).toBe(true);
    expect(generated.body.sources.map((s: { synthetic: boolean }) => s.synthetic)).toEqual([true]);
    const census = await demoValues('DEM_POP/values?level=provincia&parent=03&year=2011');
    expect(census.body.rows.every((r: { synthetic: boolean }) => !r.synthetic)).toBe(true);
    expect(census.body.synthetic).toBe(false);
  });
});
