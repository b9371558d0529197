import { expect, it } from 'vitest';
import { projectSources } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();

it('answers the stored TopoJSON, dissolved onto current comuni, with its source', async () => {
  const { status, body, headers } = await getJson(`${server.url}/api/boundaries/018`);
  expect(status).toBe(200);
  expect(headers.get('x-snapshot-id')).toBe(server.snapshotId);
  expect(body.type).toBe('Topology');
  // The fixture's file draws Albaredo Arnaboldi (018002) on its own; it is now part of Campospinoso Albaredo.
  const geometries = Object.values(body.objects as Record<string, { geometries: { properties: { code: string; name: string } }[] }>).flatMap((o) => o.geometries);
  expect(geometries.map((g) => g.properties).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
    { code: '018026', name: 'Campospinoso Albaredo' },
    { code: '018110', name: 'Pavia' },
    { code: '018177', name: 'Vigevano' },
    { code: '018193', name: 'Colli Verdi' },
  ]);
  const source = projectSources().find((s) => s.file === 'boundaries/limits_P_18_municipalities.topo.json')!;
  expect(body.source).toEqual({ id: source.id, title: source.title, publisher: source.publisher, licence: source.licence, url: source.url, synthetic: false });
});

it('says where to download boundaries that are not loaded', async () => {
  const { status, body } = await getJson(`${server.url}/api/boundaries/019`);
  expect(status).toBe(404);
  expect(body).toMatchObject({ statusCode: 404, error: 'Not Found', downloadUrl: 'https://github.com/openpolis/geojson-italy' });
  expect(body.message).toMatch(/^Boundaries for provincia 019 are not loaded in this snapshot/);
});

it('refuses a code that is not a provincia code', async () => {
  const { status, body } = await getJson(`${server.url}/api/boundaries/18`);
  expect(status).toBe(400);
  expect(body.message).toMatch(/^provinciaCode: "18" is not a provincia code; use the 3-digit ISTAT code/);
});

it('offers no CSV of a topology', async () => {
  const { status, body } = await getJson(`${server.url}/api/boundaries/018?format=csv`);
  expect(status).toBe(400);
  expect(body.message).toBe('format: "csv" is not available here; use json');
});
