import { expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { DEM_POP } from '../testing/district-fixture.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();

it('lists the catalogue in its order, with the years that have values', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators`);
  expect(status).toBe(200);
  expect(body.snapshot.id).toBe('20250301T100000000Z-aaaaaaaa');
  expect(body.rows.map((r: { code: string; years: number[] }) => [r.code, r.years])).toEqual([
    ['DEM_POP', [2023, 2024]],
    ['DEM_U12', [2024]],
  ]);
});

it('answers one indicator with its published metadata only', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators/DEM_POP`);
  expect(status).toBe(200);
  expect(body).toEqual({
    code: 'DEM_POP',
    name: DEM_POP.name,
    area: 'trasversale',
    unit: DEM_POP.unit,
    multiplier: 1,
    decimals: 0,
    polarity: 'neither',
    description: DEM_POP.description,
    caveats: DEM_POP.caveats,
    target: null,
    plainCount: true,
    years: [2023, 2024],
  });
});

it('leaves caveats out when the catalogue has none', async () => {
  const { body } = await getJson(`${server.url}/api/indicators/DEM_U12`);
  expect(body).not.toHaveProperty('caveats');
});

it('refuses an unknown code with 404, listing the known codes', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators/DEM_XYZ`);
  expect(status).toBe(404);
  expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Indicator DEM_XYZ is not in snapshot 20250301T100000000Z-aaaaaaaa; known codes: DEM_POP, DEM_U12' });
});
