import { expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { fixtureAreas } from '../../../etl/src/testing/data-folder.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

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
