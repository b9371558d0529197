import { describe, expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

// Expected values are worked out by hand from district-fixture.ts.
const server = serveSnapshotDuringSuite();

const values = (path: string) => getJson(`${server.url}/api/indicators/${path}`);

describe('values of a ratio (DEM_U12, 2024)', () => {
  it('sums numerators and denominators over the comuni with data of each ambito, and of the provincia as benchmark', async () => {
    const { status, body } = await values('DEM_U12/values?level=ambito&parent=018&year=2024');
    expect(status).toBe(200);
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(['AMB_CE', 'AMB_PV']); // by name: Certosa, Pavia
    const [certosa, pavia] = body.rows;
    // Certosa: 018035 has data, 018193 has none; 018012 left the ambito in 2020.
    expect(certosa).toMatchObject({ numerator: 420, denominator: 3500, comuniWithData: 1, comuniTotal: 2, synthetic: true });
    expect(certosa.value).toBeCloseTo(12, 10);
    expect(pavia).toMatchObject({ numerator: 7600, denominator: 75000, comuniWithData: 2, comuniTotal: 2, synthetic: false });
    expect(pavia.value).toBeCloseTo((7600 / 75000) * 100, 10);
    // Not the average of the comuni's ratios (10, 12): Σ÷Σ.
    expect(pavia.value).not.toBeCloseTo(11, 2);
    expect(body.benchmark).toMatchObject({ code: '018', numerator: 8120, denominator: 79700, comuniWithData: 4, comuniTotal: 5 });
    expect(body.benchmark.value).toBeCloseTo((8120 / 79700) * 100, 10);
    expect(body.synthetic).toBe(true);
    expect(body.sources).toEqual([{ id: 'istat-posas', title: 'ISTAT POSAS', publisher: 'ISTAT', licence: 'CC BY 4.0', url: 'https://demo.istat.it/', synthetic: false }]);
    expect(body).toMatchObject({ level: 'ambito', parent: '018', year: 2024, snapshot: { id: '20250301T100000000Z-aaaaaaaa' } });
    expect(body.indicator).toMatchObject({ code: 'DEM_U12', multiplier: 100, plainCount: false, years: [2024] });
  });

  it('lists every comune under the parent, those without data included', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=018');
    expect(body.rows.map((r: { name: string }) => r.name)).toEqual(['Bereguardo', 'Certosa di Pavia', 'Pavia', 'San Genesio ed Uniti', 'Zerbolò']);
    const zerbolo = body.rows.at(-1);
    expect(zerbolo).toEqual({ code: '018193', name: 'Zerbolò', numerator: null, denominator: null, value: null, synthetic: false, comuniWithData: 0, comuniTotal: 1 });
    const pavia = body.rows.find((r: { code: string }) => r.code === '018110');
    expect(pavia).toMatchObject({ value: 10, comuniWithData: 1, comuniTotal: 1 });
  });

  it('takes the comuni of an ambito as of the reference date', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=AMB_CE');
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(['018035', '018193']);
    expect(body.benchmark).toMatchObject({ code: 'AMB_CE', comuniWithData: 1, comuniTotal: 2 });
    expect(body.benchmark.value).toBeCloseTo(12, 10);
  });
});

describe('values of a plain count (DEM_POP)', () => {
  it('is the sum when every comune has data, and null when some are missing', async () => {
    const { body } = await values('DEM_POP/values?level=provincia&parent=03');
    expect(body.year).toBe(2024); // the latest by default
    const [milano, pavia] = body.rows;
    expect(milano).toMatchObject({ code: '015', numerator: 1300000, denominator: null, value: 1300000, comuniWithData: 1, comuniTotal: 1 });
    expect(pavia).toMatchObject({ code: '018', numerator: 79700, value: null, comuniWithData: 4, comuniTotal: 5 });
    expect(body.benchmark).toMatchObject({ code: '03', value: null, comuniWithData: 5, comuniTotal: 6 });
  });

  it('is complete in a year where every comune has data', async () => {
    const { body } = await values('DEM_POP/values?level=regione&year=2023');
    expect(body.rows).toEqual([{ code: '03', name: 'Lombardia', numerator: 6000, denominator: null, value: 6000, synthetic: false, comuniWithData: 6, comuniTotal: 6 }]);
    expect(body.benchmark).toBeNull();
    expect(body.parent).toBeNull();
  });

  it('defaults to level comune everywhere', async () => {
    const { body } = await values('DEM_POP/values');
    expect(body.level).toBe('comune');
    expect(body.rows).toHaveLength(6);
  });
});

describe('bad requests', () => {
  it.each([
    ['DEM_POP/values?level=district', 400, /^level: "district" is not allowed; use one of comune, ambito, provincia, regione$/],
    ['DEM_POP/values?year=2019', 400, /^year: DEM_POP has no values for 2019; available years: 2023, 2024$/],
    ['DEM_POP/values?year=20x4', 400, /^year: .*four digits/],
    ['DEM_POP/values?level=provincia&parent=AMB_PV', 400, /^parent: AMB_PV \(Ambito di Pavia\) is of level ambito; for level provincia the parent must be of level regione or italia$/],
    ['DEM_POP/values?parent=018;DROP', 400, /^parent: .*not a territory code/],
    ['DEM_POP/values?level=comune&level=ambito', 400, /^level: give it once/],
    ['DEM_POP/values?parent=099', 404, /Territory 099 is not in snapshot/],
    ['NOPE/values', 404, /Indicator NOPE is not in snapshot .*; known codes: DEM_POP, DEM_U12$/],
  ])('%s → %i', async (path, status, message) => {
    const { status: actual, body } = await values(path);
    expect(actual).toBe(status);
    expect(body.statusCode).toBe(status);
    expect(body.error).toBe(status === 400 ? 'Bad Request' : 'Not Found');
    expect(body.message).toMatch(message);
  });
});
