import { describe, expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { fixtureAreas } from '../../../etl/src/testing/data-folder.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';
import { TERRITORIES_MAX_LIMIT } from './territories.params.js';

const server = serveSnapshotDuringSuite();

const codes = async (query: string) => {
  const { status, body } = await getJson(`${server.url}/api/territories${query}`);
  expect(status).toBe(200);
  return body.rows.map((r: { code: string }) => r.code);
};

it('lists the comuni of a provincia, a regione or an ambito, by name', async () => {
  // Campospinoso Albaredo, Colli Verdi, (Cremona,) Pavia, Vigevano
  expect(await codes('?level=comune&parent=018')).toEqual(['018026', '018193', '018110', '018177']);
  expect(await codes('?level=comune&parent=03')).toEqual(['018026', '018193', '019036', '018110', '018177']);
  // Vigevano (018177) moved from PV-T1 to PV-T2 in 2021, before the reference date; Albaredo (018002),
  // a member until its merger, is no longer a comune.
  expect(await codes('?level=comune&parent=PV-T1')).toEqual(['018110']);
  expect(await codes('?level=comune&parent=PV-T2')).toEqual(['018026', '018193', '018177']);
});

it('lists the ambiti of a provincia and the province of a regione', async () => {
  expect(await codes('?level=ambito&parent=018')).toEqual(['PV-T1', 'PV-T2']);
  expect(await codes('?level=provincia&parent=03')).toEqual(['019', '018']); // Cremona, Pavia
  expect(await codes('?level=regione')).toEqual(['03']);
});

it('lists every level, from the top, without a level', async () => {
  expect(await codes('?parent=03')).toEqual(['019', '018', 'PV-T1', 'PV-T2', '018026', '018193', '019036', '018110', '018177']);
});

it('answers territory rows in the documented shape', async () => {
  const { body } = await getJson(`${server.url}/api/territories?level=comune&parent=PV-T2`);
  expect(body).toMatchObject({ level: 'comune', parent: 'PV-T2', snapshot: { id: server.snapshotId, mode: 'real' } });
  // Colli Verdi: valid since its 2019 merger (gi_comuni_validita.csv), area from gi_comuni.csv.
  expect(body.rows[1]).toEqual({ code: '018193', name: 'Colli Verdi', level: 'comune', parentCode: '018', validFrom: '2019-01-01', validTo: null, areaKm2: fixtureAreas['018193'] });
});

it.each([
  ['?level=frazione', 400, /^level: "frazione" is not allowed; use one of comune, ambito, provincia, regione$/],
  ['?level=regione&parent=018', 400, /^parent: 018 \(Pavia\) is of level provincia; for level regione the parent must be of level italia$/],
  ['?parent=../x', 400, /^parent: "..\/x" is not a territory code/],
  ['?level=comune&parent=999', 404, /^Territory 999 is not in snapshot \d{8}T\d{9}Z-/],
])('%s → %i', async (query, status, message) => {
  const { status: actual, body } = await getJson(`${server.url}/api/territories${query}`);
  expect(actual).toBe(status);
  expect(body).toMatchObject({ statusCode: status });
  expect(body.message).toMatch(message);
});

describe('pages', () => {
  const list = async (query: string) => (await getJson(`${server.url}/api/territories${query}`)).body;

  it('gives limit rows from offset, with the total on every page', async () => {
    const all = await list('?parent=03');
    const page = await list('?parent=03&limit=3&offset=2');
    expect(page).toMatchObject({ limit: 3, offset: 2, total: all.rows.length });
    expect(page.rows.map((r: { code: string }) => r.code)).toEqual(all.rows.slice(2, 5).map((r: { code: string }) => r.code));
  });

  it(`cuts a huge limit to ${TERRITORIES_MAX_LIMIT}, and says so`, async () => {
    const page = await list('?limit=999999999');
    expect(page.limit).toBe(TERRITORIES_MAX_LIMIT);
    expect(page.rows).toHaveLength(page.total);
  });
});

describe('errors in the language asked', () => {
  it.each([
    [undefined, 'level: "frazione" non è ammesso; usare uno tra comune, ambito, provincia, regione', 'it'],
    ['it-IT,it;q=0.9,en;q=0.8', 'level: "frazione" non è ammesso; usare uno tra comune, ambito, provincia, regione', 'it'],
    ['en-GB,en;q=0.9', 'level: "frazione" is not allowed; use one of comune, ambito, provincia, regione', 'en'],
  ])('Accept-Language %s', async (language, message, contentLanguage) => {
    const headers = new Headers();
    if (language !== undefined) headers.set('accept-language', language);
    else headers.set('accept-language', '*');
    const response = await fetch(`${server.url}/api/territories?level=frazione`, { headers });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe(contentLanguage);
    expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message, parameter: 'level', allowed: ['comune', 'ambito', 'provincia', 'regione'] });
  });

  it('describes what a code allows when there is no list', async () => {
    const { body } = await getJson(`${server.url}/api/territories?parent=${encodeURIComponent('018;DROP')}`, { headers: { 'accept-language': 'it' } });
    expect(body).toMatchObject({ parameter: 'parent', allowed: "fino a 40 lettere, cifre, '.', '_' o '-' (es. 018110 per un comune, 018 per una provincia)" });
  });

  it.each([
    ['?limit=0', 'limit', 'limit: "0" non è ammesso; usare un numero intero da 1 in su'],
    ['?offset=-1', 'offset', 'offset: "-1" non è ammesso; usare un numero intero da 0 in su'],
    ['?level=comune&parent=999', null, 'Il territorio 999 non è nello snapshot'],
  ])('%s', async (query, parameter, message) => {
    const { body } = await getJson(`${server.url}/api/territories${query}`, { headers: { 'accept-language': 'it' } });
    expect(body.message).toMatch(new RegExp(`^${message.replace(/[()]/g, '\\$&')}`));
    expect(body.parameter ?? null).toBe(parameter);
  });
});
