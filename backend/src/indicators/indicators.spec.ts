import { expect, it } from 'vitest';
import { projectCatalogue } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const server = serveSnapshotDuringSuite();
const catalogue = projectCatalogue();
const entry = (code: string) => catalogue.find((i) => i.code === code)!;

// The fixture's files give residents for 2018-2021 (one column a year), under 12 for 2021, by sex for 2022.
const RESIDENT_YEARS = [2018, 2019, 2020, 2021, 2022];

it('lists the catalogue in its order, with the years that have values', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators`);
  expect(status).toBe(200);
  expect(body.snapshot.id).toBe(server.snapshotId);
  const years = new Map(body.rows.map((r: { code: string; years: number[] }) => [r.code, r.years]));
  expect([...years.keys()]).toEqual(catalogue.map((i) => i.code));
  expect(years.get('DEM_POP')).toEqual(RESIDENT_YEARS);
  expect(years.get('DEM_VAR')).toEqual(RESIDENT_YEARS.slice(1)); // needs the year before
  expect(years.get('DEM_U12')).toEqual([2021]);
  expect(years.get('DEM_MASC')).toEqual([2022]);
});

it('answers one indicator with its published metadata only', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators/DEM_POP`);
  expect(status).toBe(200);
  const d = entry('DEM_POP');
  expect(body).toEqual({
    code: 'DEM_POP',
    name: d.name,
    area: d.area,
    unit: d.unit,
    multiplier: d.multiplier,
    decimals: d.decimals,
    polarity: d.polarity,
    description: d.description,
    caveats: d.caveats,
    target: null,
    plainCount: true,
    years: RESIDENT_YEARS,
  });
});

it('leaves caveats out when the catalogue has none', async () => {
  expect(entry('DEM_U12')).not.toHaveProperty('caveats');
  const { body } = await getJson(`${server.url}/api/indicators/DEM_U12`);
  expect(body).not.toHaveProperty('caveats');
});

it('refuses an unknown code with 404, listing the known codes', async () => {
  const { status, body } = await getJson(`${server.url}/api/indicators/DEM_XYZ`);
  expect(status).toBe(404);
  expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: `Indicator DEM_XYZ is not in snapshot ${server.snapshotId}; known codes: ${catalogue.map((i) => i.code).join(', ')}` });
});
