import { expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();

it('answers the stored TopoJSON with its source', async () => {
  const { status, body, headers } = await getJson(`${server.url}/api/boundaries/018`);
  expect(status).toBe(200);
  expect(headers.get('x-snapshot-id')).toBe('20250301T100000000Z-aaaaaaaa');
  expect(body.type).toBe('Topology');
  expect(body.objects.comuni.geometries.map((g: { properties: { code: string } }) => g.properties.code)).toEqual(['018110', '018145']);
  expect(body.arcs).toHaveLength(2);
  expect(body.source).toEqual({ id: 'openpolis-limits', title: 'Limiti comunali', publisher: 'openpolis', licence: 'CC BY 4.0', url: 'https://github.com/openpolis/geojson-italy', synthetic: false });
});

it('says where to download boundaries that are not loaded', async () => {
  const { status, body } = await getJson(`${server.url}/api/boundaries/015`);
  expect(status).toBe(404);
  expect(body).toMatchObject({ statusCode: 404, error: 'Not Found', downloadUrl: 'https://github.com/openpolis/geojson-italy' });
  expect(body.message).toMatch(/^Boundaries for provincia 015 are not loaded in this snapshot/);
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
