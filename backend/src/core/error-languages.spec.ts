import { describe, expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();

/** Every refusal a service words itself (not the parameter schemas), one request each. */
const REFUSALS: [string, number][] = [
  ['/api/indicators/DEM_POP/values?level=comune&parent=018110', 400],
  ['/api/indicators/DEM_POP/values?years=1900-1901', 400],
  ['/api/indicators/DEM_POP/values?benchmark=group', 400],
  ['/api/indicators/DEM_POP/values?level=provincia&benchmark=ambito', 400],
  ['/api/indicators/DEM_POP/values?group=018,018110', 400],
  ['/api/indicators/DEM_POP/values?parent=999', 404],
  ['/api/indicators/NOPE/values', 404],
  ['/api/gaps?indicator=DEM_POP', 400],
  ['/api/gaps?indicator=SUP01&level=comune&parent=018110', 400],
  ['/api/export/values?indicators=DEM_POP&level=comune&parent=018110', 400],
  ['/api/profiles/018?benchmark=provincia', 400],
  [`/api/indicators?q=${'anziani'.repeat(40)}`, 400],
  ['/api/indicators?q=%21%21', 400],
];

describe('a refusal is worded in the language asked', () => {
  it.each(REFUSALS)('%s', async (url, status) => {
    const it_ = await getJson(`${server.url}${url}`, { headers: { 'accept-language': 'it' } });
    const en = await getJson(`${server.url}${url}`, { headers: { 'accept-language': 'en' } });
    expect([it_.status, en.status]).toEqual([status, status]);
    expect(it_.body.message).not.toEqual(en.body.message);
  });

  it('says in Italian what the parent of a level may be', async () => {
    const { body } = await getJson(`${server.url}/api/indicators/DEM_POP/values?level=comune&parent=018110`, { headers: { 'accept-language': 'it' } });
    expect(body.message).toBe('parent: 018110 (Pavia) è di livello comune; per il livello comune il contenitore deve essere di livello ambito, provincia, regione o italia');
  });
});
