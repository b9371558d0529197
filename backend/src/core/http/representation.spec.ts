import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtData, districtPopulation, projectAreas, projectCatalogue, projectSources, VIGEVANO } from '../../testing/district-fixture.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../../testing/snapshot-factory.js';
import { csvText, italianNumber, parseItalianCsv } from '../../testing/italian-csv.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

let state: string;
let snapshot: FixtureSnapshot;
let SNAPSHOT: string;
let server: TestServer;
beforeAll(async () => {
  state = await createStateDir();
  snapshot = await buildFixtureSnapshot({ data: districtData() });
  SNAPSHOT = snapshot.id;
  await publishFixtureSnapshot(state, snapshot);
  server = await startTestServer(state);
});
afterAll(async () => {
  await server?.close();
  await snapshot?.remove();
  await removeStateDir(state);
});

// Residents on 1 January 2020 of the comuni of PV-T2, by name: Campospinoso Albaredo (with Albaredo
// Arnaboldi, merged into it later), Colli Verdi, and Vigevano, whose value was not published.
const VALUES = '/api/indicators/DEM_POP/values?level=comune&parent=PV-T2&year=2020';
const { wide } = districtPopulation;
const CAMPOSPINOSO_2020 = (wide['018026']![2] as number) + (wide['018002']![2] as number);
const COLLI_VERDI_2020 = wide['018193']![2] as number;
const WIDE_SOURCE = projectSources().find((s) => s.file === 'population/pavia_popolazione_residente_2018_2021.csv')!.id;
const csvField = (value: unknown) => (value === undefined || value === null ? '' : String(value));

describe('CSV', () => {
  it('answers Accept: text/csv with a header row and one line per row', async () => {
    const response = await fetch(`${server.url}${VALUES}`, { headers: { Accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('x-snapshot-id')).toBe(SNAPSHOT);
    expect(response.headers.get('x-sources')).toBe(WIDE_SOURCE);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="osservatorio-values-DEM_POP-comune-PV-T2-2020-${SNAPSHOT}.csv"`);
    const csv = parseItalianCsv(csvText(await response.arrayBuffer()));
    expect(csv.bom).toBe(true);
    expect(csv.header.slice(0, 9)).toEqual(['indicator', 'year', 'unit', 'code', 'name', 'level', 'numerator', 'denominator', 'value']);
    const cell = (row: string[], name: string) => row[csv.header.indexOf(name)]!;
    expect(csv.rows.map((r) => [cell(r, 'indicator'), cell(r, 'year'), cell(r, 'unit'), cell(r, 'code'), cell(r, 'name'), italianNumber(cell(r, 'numerator')), italianNumber(cell(r, 'value')), cell(r, 'comuniWithData')])).toEqual([
      ['DEM_POP', '2020', 'abitanti', '018026', 'Campospinoso Albaredo', CAMPOSPINOSO_2020, CAMPOSPINOSO_2020, '1'],
      ['DEM_POP', '2020', 'abitanti', '018193', 'Colli Verdi', COLLI_VERDI_2020, COLLI_VERDI_2020, '1'],
      ['DEM_POP', '2020', 'abitanti', VIGEVANO, 'Vigevano', null, null, '0'],
    ]);
  });

  it('answers ?format=csv whatever the Accept header, and quotes fields with commas', async () => {
    const response = await fetch(`${server.url}/api/indicators?format=csv`, { headers: { Accept: 'application/json' } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const { header, rows } = parseItalianCsv(csvText(await response.arrayBuffer()));
    expect(header.join(',')).toBe('code,name_it,name_en,area,area_it,area_en,unit_it,unit_en,multiplier,decimals,polarity,target,plainCount,years,description_it,description_en,caveats_it,caveats_en,source_notes_it,source_notes_en,ci_method,min_denominator,available,unavailable_reason_it,unavailable_reason_en');
    type Text = Record<string, string>;
    const d = projectCatalogue()[0] as { code: string; name: Text; area: string; unit: Text; multiplier: number; decimals: number; polarity: string; description: Text; caveats: Text; source_notes: Text; ci_method: string };
    const area = projectAreas().find((a) => a.code === d.area)!;
    const years = '2018 2019 2020 2021 2022'; // the fixture's resident files
    const expected = [
      d.code, d.name.it, d.name.en, d.area, area.name.it, area.name.en, d.unit.it, d.unit.en, d.multiplier, d.decimals, d.polarity, null, true, years,
      d.description.it, d.description.en, d.caveats.it, d.caveats.en, d.source_notes.it, d.source_notes.en, d.ci_method, null, true, null, null,
    ];
    expect(rows[0]).toEqual(expected.map(csvField));
  });

  it('refuses an unknown format, naming the allowed ones', async () => {
    const response = await fetch(`${server.url}${VALUES}&format=xlsx`, { headers: { 'Accept-Language': 'en' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'format: "xlsx" is not available here; use json, csv, arrow', parameter: 'format', allowed: ['json', 'csv', 'arrow'] });
  });
});

describe('Arrow', () => {
  it('answers an Arrow IPC stream with typed columns, nulls kept, and the snapshot id in the metadata', async () => {
    const response = await fetch(`${server.url}${VALUES}`, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.schema.metadata.get('snapshot_id')).toBe(SNAPSHOT);
    expect(table.schema.metadata.get('sources')).toBe(WIDE_SOURCE);
    const fields = table.schema.fields.map((f) => `${f.name}:${f.type}`);
    expect(fields).toEqual(expect.arrayContaining(['indicator:Utf8', 'year:Int32', 'unit:Utf8', 'code:Utf8', 'name:Utf8', 'numerator:Float64', 'denominator:Float64', 'value:Float64', 'ci95_lower:Float64', 'smallNumber:Bool', 'suppressed:Bool', 'synthetic:Bool', 'comuniWithData:Int32', 'comuniTotal:Int32']));
    const pick = ({ code, name, numerator, denominator, value, comuniWithData, comuniTotal }: Record<string, unknown>) => ({ code, name, numerator, denominator, value, comuniWithData, comuniTotal });
    expect(table.toArray().map((row) => pick(row.toJSON()))).toEqual([
      { code: '018026', name: 'Campospinoso Albaredo', numerator: CAMPOSPINOSO_2020, denominator: null, value: CAMPOSPINOSO_2020, comuniWithData: 1, comuniTotal: 1 },
      { code: '018193', name: 'Colli Verdi', numerator: COLLI_VERDI_2020, denominator: null, value: COLLI_VERDI_2020, comuniWithData: 1, comuniTotal: 1 },
      { code: VIGEVANO, name: 'Vigevano', numerator: null, denominator: null, value: null, comuniWithData: 0, comuniTotal: 1 },
    ]);
  });

  it('answers ?format=arrow for territories', async () => {
    const response = await fetch(`${server.url}/api/territories?level=provincia&format=arrow`);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect([...table.getChild('code')!]).toEqual(['019', '018']); // Cremona, Pavia
    expect([...table.getChild('areaKm2')!]).toEqual([1770.4576, 2967.9289]); // the fixture's gi_province.csv
    expect([...table.getChild('validTo')!]).toEqual([null, null]);
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
    expect(await etag('/api/indicators/DEM_POP/values?level=comune&parent=018&year=2020')).not.toBe(json);
    expect(await etag(VALUES)).toBe(json);
  });

  it('answers a stale ETag in full', async () => {
    const response = await fetch(`${server.url}${VALUES}`, { headers: { 'If-None-Match': '"stale"' } });
    expect(response.status).toBe(200);
  });
});
