import { expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();

const codes = async (query: string) => {
  const { status, body } = await getJson(`${server.url}/api/territories${query}`);
  expect(status).toBe(200);
  return body.rows.map((r: { code: string }) => r.code);
};

it('lists the comuni of a provincia, a regione or an ambito, by name', async () => {
  expect(await codes('?level=comune&parent=018')).toEqual(['018012', '018035', '018110', '018145', '018193']);
  expect(await codes('?level=comune&parent=03')).toEqual(['018012', '018035', '015146', '018110', '018145', '018193']);
  // Bereguardo (018012) left AMB_CE before the reference date.
  expect(await codes('?level=comune&parent=AMB_CE')).toEqual(['018035', '018193']);
});

it('lists the ambiti of a provincia and the province of a regione', async () => {
  expect(await codes('?level=ambito&parent=018')).toEqual(['AMB_CE', 'AMB_PV']);
  expect(await codes('?level=provincia&parent=03')).toEqual(['015', '018']);
  expect(await codes('?level=regione')).toEqual(['03']);
});

it('lists every level, from the top, without a level', async () => {
  expect(await codes('?parent=03')).toEqual(['015', '018', 'AMB_CE', 'AMB_PV', '018012', '018035', '015146', '018110', '018145', '018193']);
});

it('answers territory rows in the documented shape', async () => {
  const { body } = await getJson(`${server.url}/api/territories?level=comune&parent=AMB_CE`);
  expect(body).toMatchObject({ level: 'comune', parent: 'AMB_CE', snapshot: { id: '20250301T100000000Z-aaaaaaaa', mode: 'real' } });
  expect(body.rows[1]).toEqual({ code: '018193', name: 'Zerbolò', level: 'comune', parentCode: '018', validFrom: '2019-01-01', validTo: null, areaKm2: 10.5 });
});

it.each([
  ['?level=frazione', 400, /^level: "frazione" is not allowed; use one of comune, ambito, provincia, regione$/],
  ['?level=regione&parent=018', 400, /^parent: 018 \(Pavia\) is of level provincia; for level regione the parent must be of level italia$/],
  ['?parent=../x', 400, /^parent: "..\/x" is not a territory code/],
  ['?level=comune&parent=999', 404, /^Territory 999 is not in snapshot 20250301T100000000Z-aaaaaaaa/],
])('%s → %i', async (query, status, message) => {
  const { status: actual, body } = await getJson(`${server.url}/api/territories${query}`);
  expect(actual).toBe(status);
  expect(body).toMatchObject({ statusCode: status });
  expect(body.message).toMatch(message);
});
