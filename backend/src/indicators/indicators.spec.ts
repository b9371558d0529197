import { describe, expect, it } from 'vitest';
import { projectAreas, projectCatalogue } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();
const catalogue = projectCatalogue();
const areas = projectAreas();
const entry = (code: string) => catalogue.find((i) => i.code === code)!;
type Text = { it: string; en: string };

// The fixture's files give residents for 2018-2021 (one column a year), under 12 for 2021, by sex for 2022:
// no single ages, no foreign residents, no incomes, no registers.
const RESIDENT_YEARS = [2018, 2019, 2020, 2021, 2022];
const AVAILABLE = ['DEM_POP', 'DEM_VAR', 'DEM_DENS', 'DEM_MASC', 'DEM_U12'];

const codes = (body: { rows: { code: string }[] }) => body.rows.map((r) => r.code);
const list = (query = '') => getJson(`${server.url}/api/indicators${query}`);

it('lists the catalogue in its order, with the years that have values and whether each is available', async () => {
  const { status, body } = await list();
  expect(status).toBe(200);
  expect(body.snapshot.id).toBe(server.snapshotId);
  const years = new Map(body.rows.map((r: { code: string; years: number[] }) => [r.code, r.years]));
  expect([...years.keys()]).toEqual(catalogue.map((i) => i.code));
  expect(years.get('DEM_POP')).toEqual(RESIDENT_YEARS);
  expect(years.get('DEM_VAR')).toEqual(RESIDENT_YEARS.slice(1)); // needs the year before
  expect(years.get('DEM_U12')).toEqual([2021]);
  expect(years.get('DEM_MASC')).toEqual([2022]);
  const available = body.rows.filter((r: { available: boolean }) => r.available).map((r: { code: string }) => r.code);
  expect(available).toEqual(catalogue.map((i) => i.code).filter((code) => AVAILABLE.includes(code)));
  for (const row of body.rows as { available: boolean; years: number[]; unavailableReason: Text | null }[]) {
    // Unavailable exactly when there are no values, and then always with a reason in both languages.
    expect(row.available).toBe(row.years.length > 0);
    if (row.available) expect(row.unavailableReason).toBeNull();
    else expect(row.unavailableReason).toEqual({ it: expect.stringMatching(/^\S.*\.$/), en: expect.stringMatching(/^\S.*\.$/) });
  }
});

it('answers one indicator with its published metadata only', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators/SUP01`);
  expect(status).toBe(200);
  const d = entry('SUP01');
  expect(body).toEqual({
    code: 'SUP01',
    name: d.name,
    area: 'minori_famiglia',
    areaName: areas.find((a) => a.code === 'minori_famiglia')!.name,
    unit: d.unit,
    multiplier: 100,
    decimals: d.decimals,
    polarity: 'higher_better',
    description: d.description,
    sourceNotes: d.source_notes,
    caveats: d.caveats,
    ciMethod: 'ratio',
    minDenominator: d.min_denominator,
    target: 33,
    plainCount: false,
    years: [],
    available: false,
    unavailableReason: {
      it: "Le fonti caricate forniscono i dati «Popolazione residente al 1° gennaio», ma non per le classi di età: 0-2 anni: servono i dati per singolo anno di età; nessuna fonte caricata fornisce i dati «Posti nei servizi per la prima infanzia (nidi)» (Registri regionali delle unità d'offerta (nidi)).",
      en: "The loaded sources give «Residents on 1 January», but not for the age bands: aged 0-2: figures by single year of age are needed; no loaded source gives «Places in early-childhood services (nurseries)» (Registri regionali delle unità d'offerta (nidi)).",
    },
  });
  const count = await getJson(`${server.url}/api/indicators/DEM_POP`);
  expect(count.body).toMatchObject({ code: 'DEM_POP', minDenominator: null, plainCount: true, ciMethod: 'none', available: true, unavailableReason: null, years: RESIDENT_YEARS });
});

describe('an indicator whose inputs the snapshot lacks', () => {
  it('says by its name which data no loaded source gives, and where they are published', async () => {
    const { body } = await getJson(`${server.url}/api/indicators/DIS01`);
    expect(body).toMatchObject({
      available: false,
      years: [],
      unavailableReason: {
        it: 'Nessuna fonte caricata fornisce i dati «Beneficiari di indennità di accompagnamento» (INPS, Osservatorio sulle prestazioni per invalidità civile).',
        en: 'No loaded source gives «Recipients of attendance allowance (indennità di accompagnamento)» (INPS, Osservatorio sulle prestazioni per invalidità civile).',
      },
    });
  });

  it('says which age bands of a variable given are missing, and when the inputs exist but never in the same year', async () => {
    const dem01 = await getJson(`${server.url}/api/indicators/DEM01`);
    expect(dem01.body.unavailableReason.it).toBe('Le fonti caricate forniscono i dati «Popolazione residente al 1° gennaio», ma non per le classi di età: 0-14 anni, 65 anni e più: servono i dati per singolo anno di età.');
    // Residents 2018-2022: no year has residents five years earlier.
    const dem10 = await getJson(`${server.url}/api/indicators/DEM10`);
    expect(dem10.body.unavailableReason.en).toBe('The loaded sources give every input needed, but never for the same comune and year (for example a series shorter than the lag needed).');
  });

  it('answers its values with 200, no rows and the reason, never zeros; a bad parent is still refused', async () => {
    const { status, body } = await getJson(`${server.url}/api/indicators/DIP01/values?level=comune&parent=018`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ level: 'comune', parent: '018', year: null, rows: [], benchmark: null, sources: [], synthetic: false, snapshot: { id: server.snapshotId } });
    expect(body.indicator).toMatchObject({ code: 'DIP01', available: false, unavailableReason: { it: expect.stringContaining('«Utenti in carico ai servizi per le dipendenze (SerD)» (SerD, ASL/ATS)') } });
    expect((await getJson(`${server.url}/api/indicators/DIP01/values?year=2021`)).body).toMatchObject({ year: 2021, rows: [] });
    expect((await getJson(`${server.url}/api/indicators/DIP01/values?parent=999`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/indicators/DIP01/values?year=20x1`)).status).toBe(400);
  });
});

it('refuses an unknown code with 404, listing the known codes', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators/DEM_XYZ`);
  expect(status).toBe(404);
  expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: `Indicator DEM_XYZ is not in snapshot ${server.snapshotId}; known codes: ${catalogue.map((i) => i.code).join(', ')}` });
});

describe('catalogue search (?q=, ?area=)', () => {
  // An independent fold for the expectations: NFKD without combining marks, lower case.
  const plain = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const areaOf = (code: string) => areas.find((a) => a.code === code)!;
  const texts = (i: (typeof catalogue)[number]) => {
    const t = i as unknown as { name: Text; description: Text; area: string };
    return { name: plain(`${t.name.it} ${t.name.en}`), rest: plain(`${t.description.it} ${t.description.en} ${t.area} ${areaOf(t.area).name.it} ${areaOf(t.area).name.en}`) };
  };

  it('finds words without their accents, ranking name hits before area and definition hits', async () => {
    const { status, body } = await list('?q=disabilita');
    expect(status).toBe(200);
    expect(body.snapshot.id).toBe(server.snapshotId);
    // DIS02's name says "disabilità"; DIS01 is in the area Disabilità.
    expect(codes(body)).toEqual(['DIS02', 'DIS01']);
    // "eta" finds "età" (and "età" finds the same), case aside.
    const eta = codes((await list('?q=ETA%20attiva')).body);
    expect(eta).toEqual(codes((await list(`?q=${encodeURIComponent('età attiva')}`)).body));
    const expected = catalogue.filter((i) => /\beta\b/.test(`${texts(i).name} ${texts(i).rest}`) && `${texts(i).name} ${texts(i).rest}`.includes('attiv')).map((i) => i.code);
    expect(new Set(eta)).toEqual(new Set(expected));
    expect(eta.length).toBeGreaterThan(1);
  });

  it('ranks a code first, then names, in Italian and English', async () => {
    expect(codes((await list('?q=dem01')).body)[0]).toBe('DEM01');
    const older = codes((await list('?q=anziani')).body);
    const byName = catalogue.filter((i) => texts(i).name.includes('anziani')).map((i) => i.code);
    const byRest = catalogue.filter((i) => !texts(i).name.includes('anziani') && texts(i).rest.includes('anziani')).map((i) => i.code);
    expect(byName.length).toBeGreaterThan(1);
    expect(new Set(older.slice(0, byName.length))).toEqual(new Set(byName));
    expect(new Set(older.slice(byName.length))).toEqual(new Set(byRest));
    // English: every indicator of the area "Older people" is found by its English name.
    const english = codes((await list('?q=older%20people')).body);
    expect(english).toEqual(expect.arrayContaining(catalogue.filter((i) => i.area === 'anziani').map((i) => i.code)));
    expect(codes((await list('?q=zzzz')).body)).toEqual([]);
  });

  it('filters by area, alone or with q, and keeps the catalogue order without q', async () => {
    const mental = await list('?area=salute_mentale');
    expect(codes(mental.body)).toEqual(catalogue.filter((i) => i.area === 'salute_mentale').map((i) => i.code));
    const elderly = codes((await list('?area=anziani')).body);
    expect(elderly).toEqual(catalogue.filter((i) => i.area === 'anziani').map((i) => i.code));
    expect(codes((await list('?area=anziani&q=85')).body)).toEqual(expect.arrayContaining(['DEM05', 'DEM15']));
    expect(codes((await list('?area=immigrazione&q=vecchiaia')).body)).toEqual([]);
  });

  it('refuses an unknown area, a query without words and one too long, naming the parameter', async () => {
    const area = await list('?area=famiglie');
    expect(area.status).toBe(400);
    expect(area.body.message).toBe(`area: "famiglie" is not allowed; use one of ${areas.map((a) => a.code).join(', ')}`);
    const blank = await list('?q=%20-%20');
    expect(blank.status).toBe(400);
    expect(blank.body.message).toMatch(/^q: " - " has no letter or digit to search for/);
    const long = await list(`?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.body.message).toBe('q: is 201 characters long; use at most 200');
    const twice = await list('?q=a&q=b');
    expect(twice.status).toBe(400);
  });
});
