import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtFixture } from '../../testing/district-fixture.js';
import { createStateDir, publishSnapshot, removeStateDir } from '../../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

const SNAPSHOT = '20250301T100000000Z-aaaaaaaa';
let state: string;
let server: TestServer;
beforeAll(async () => {
  state = await createStateDir();
  await publishSnapshot(state, districtFixture(SNAPSHOT));
  server = await startTestServer(state);
});
afterAll(async () => {
  await server?.close();
  await removeStateDir(state);
});

const VALUES = '/api/indicators/DEM_U12/values?level=comune&parent=AMB_CE';

describe('CSV', () => {
  it('answers Accept: text/csv with a header row and one line per row', async () => {
    const response = await fetch(`${server.url}${VALUES}`, { headers: { Accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('x-snapshot-id')).toBe(SNAPSHOT);
    expect(response.headers.get('x-sources')).toBe('istat-posas');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="osservatorio-values-DEM_U12-comune-AMB_CE-2024-${SNAPSHOT}.csv"`);
    expect(await response.text()).toBe(
      'code,name,numerator,denominator,value,synthetic,comuniWithData,comuniTotal\r\n' +
        '018035,Certosa di Pavia,420,3500,12,true,1,1\r\n' +
        '018193,Zerbolò,,,,false,0,1\r\n',
    );
  });

  it('answers ?format=csv whatever the Accept header, and quotes fields with commas', async () => {
    const response = await fetch(`${server.url}/api/indicators?format=csv`, { headers: { Accept: 'application/json' } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, first] = (await response.text()).split('\r\n');
    expect(header).toBe('code,name_it,name_en,area,unit_it,unit_en,multiplier,decimals,polarity,target,plainCount,years,description_it,description_en,caveats_it,caveats_en');
    expect(first).toBe('DEM_POP,Popolazione residente,Resident population,trasversale,abitanti,residents,1,0,neither,,true,2023 2024,Residenti al 1° gennaio.,Residents on 1 January.,Dal 2022 ricostruiti sul censimento.,Rebased on the census from 2022.');
  });

  it('refuses an unknown format, naming the allowed ones', async () => {
    const response = await fetch(`${server.url}${VALUES}&format=xlsx`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('format: "xlsx" is not available here; use json, csv, arrow');
  });
});

describe('Arrow', () => {
  it('answers an Arrow IPC stream with typed columns, nulls kept, and the snapshot id in the metadata', async () => {
    const response = await fetch(`${server.url}${VALUES}`, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.schema.metadata.get('snapshot_id')).toBe(SNAPSHOT);
    expect(table.schema.metadata.get('sources')).toBe('istat-posas');
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'code:Utf8',
      'name:Utf8',
      'numerator:Float64',
      'denominator:Float64',
      'value:Float64',
      'synthetic:Bool',
      'comuniWithData:Int32',
      'comuniTotal:Int32',
    ]);
    expect(table.toArray().map((row) => row.toJSON())).toEqual([
      { code: '018035', name: 'Certosa di Pavia', numerator: 420, denominator: 3500, value: 12, synthetic: true, comuniWithData: 1, comuniTotal: 1 },
      { code: '018193', name: 'Zerbolò', numerator: null, denominator: null, value: null, synthetic: false, comuniWithData: 0, comuniTotal: 1 },
    ]);
  });

  it('answers ?format=arrow for territories', async () => {
    const response = await fetch(`${server.url}/api/territories?level=provincia&format=arrow`);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect([...table.getChild('code')!]).toEqual(['015', '018']);
    expect([...table.getChild('areaKm2')!]).toEqual([null, null]);
    expect(table.getChild('areaKm2')!.nullCount).toBe(2);
  });
});

describe('ETag', () => {
  it('answers If-None-Match with 304 while the snapshot is the same', async () => {
    const first = await fetch(`${server.url}${VALUES}`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${server.url}${VALUES}`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('differs by URL and by format', async () => {
    const etag = async (path: string, accept = 'application/json') => (await fetch(`${server.url}${path}`, { headers: { Accept: accept } })).headers.get('etag');
    const json = await etag(VALUES);
    expect(await etag(VALUES, 'text/csv')).not.toBe(json);
    expect(await etag('/api/indicators/DEM_U12/values?level=comune&parent=018')).not.toBe(json);
    expect(await etag(VALUES)).toBe(json);
  });

  it('answers a stale ETag in full', async () => {
    const response = await fetch(`${server.url}${VALUES}`, { headers: { 'If-None-Match': '"stale"' } });
    expect(response.status).toBe(200);
  });
});
