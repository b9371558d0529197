import { writeFile } from 'node:fs/promises';
import { stateLayout } from '@osservatorio/etl/layout';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changedDistrictData, districtData, districtPopulation } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { alterSnapshotFile, buildFixtureSnapshot, createStateDir, installSnapshot, pointCurrentAt, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { SnapshotPool } from './snapshot-pool.js';

// Two loads of the district, a day apart; the second with Pavia's residents of 1 January 2021 changed.
const PAVIA_2021 = districtPopulation.wide['018110']![3] as number;
const PAVIA_2021_CHANGED = PAVIA_2021 + 29;
let first: FixtureSnapshot;
let second: FixtureSnapshot;
beforeAll(async () => {
  first = await buildFixtureSnapshot({ data: districtData(), now: new Date('2025-03-01T10:00:00.000Z') });
  second = await buildFixtureSnapshot({ data: changedDistrictData(PAVIA_2021_CHANGED), now: new Date('2025-03-02T10:00:00.000Z') });
});
afterAll(async () => {
  await first?.remove();
  await second?.remove();
});

let state: string;
let server: TestServer;
beforeEach(async () => {
  state = await createStateDir();
});
afterEach(async () => {
  await server?.close();
  await removeStateDir(state);
});

// Pavia is the only comune of PV-T1 on the reference date.
const pavia = async () => (await getJson(`${server.url}/api/indicators/DEM_POP/values?level=comune&parent=PV-T1&year=2021`)).body.rows[0];
const servedId = async () => (await getJson(`${server.url}/api/health`)).body.snapshot?.id ?? null;

describe('before anything is published', () => {
  it('answers 503 from health, saying none is published, and from data endpoints', async () => {
    server = await startTestServer(state);
    const health = await getJson(`${server.url}/api/health`);
    expect(health).toMatchObject({
      status: 503,
      body: { status: 'unavailable', snapshot: null, reason: 'no-snapshot-published', message: 'No snapshot published yet: run npm run etl -- load', database: 'sqlite' },
    });
    expect(health.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/api/territories', '/api/indicators', '/api/indicators/DEM_POP', '/api/indicators/DEM_POP/values', '/api/boundaries/018']) {
      const { status, body } = await getJson(`${server.url}${path}`);
      expect(status, path).toBe(503);
      expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'No snapshot published yet: run npm run etl -- load' });
    }
  });

  it('serves the first snapshot once the pointer is read again, at most once a second', async () => {
    server = await startTestServer(state);
    await publishFixtureSnapshot(state, first);
    server.clock.advance(500);
    expect(await servedId()).toBeNull();
    server.clock.advance(500);
    expect(await servedId()).toBe(first.id);
    expect((await pavia()).value).toBe(PAVIA_2021);
  });
});

describe('with a snapshot served', () => {
  beforeEach(async () => {
    await publishFixtureSnapshot(state, first);
    server = await startTestServer(state);
  });

  it('switches to a newly published snapshot', async () => {
    const before = await fetch(`${server.url}/api/indicators`);
    await publishFixtureSnapshot(state, second);
    server.clock.advance(1000);
    expect(await servedId()).toBe(second.id);
    expect((await pavia()).value).toBe(PAVIA_2021_CHANGED);
    const after = await fetch(`${server.url}/api/indicators`, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-snapshot-id')).toBe(second.id);
  });

  it.each([
    ['a snapshot file that does not exist', async () => pointCurrentAt(state, '20250309T000000000Z-missing0')],
    ['a file that is not a DuckDB database', async () => {
      await writeFile(stateLayout(state).snapshotFile('garbage'), 'not a database');
      await pointCurrentAt(state, 'garbage');
    }],
    ['a snapshot of another schema version', async () => {
      const file = await installSnapshot(state, second, 'other-schema');
      await alterSnapshotFile(file, "UPDATE snapshot_meta SET value = '999' WHERE key = 'schema_version'");
      await pointCurrentAt(state, 'other-schema');
    }],
    ['a snapshot whose indicator catalogue this API cannot read', async () => {
      const file = await installSnapshot(state, second, 'bad-catalogue');
      await alterSnapshotFile(file, `UPDATE indicator SET definition = json_merge_patch(definition, '{"multiplier": "cento"}') WHERE code = 'DEM_U12'`);
      await pointCurrentAt(state, 'bad-catalogue');
    }],
    ['a path instead of an id', async () => pointCurrentAt(state, '../../etc/passwd')],
    ['an empty pointer', async () => writeFile(stateLayout(state).currentPointer, '')],
  ])('keeps serving the current snapshot when CURRENT names %s', async (_, point) => {
    await point();
    server.clock.advance(1000);
    expect(await servedId()).toBe(first.id);
    expect((await pavia()).value).toBe(PAVIA_2021);
    // …and still switches when a good snapshot is published afterwards.
    await publishFixtureSnapshot(state, second);
    server.clock.advance(1000);
    expect(await servedId()).toBe(second.id);
  });

  it('lets work started on the old snapshot finish on it after the switch', async () => {
    const pool = server.app.get(SnapshotPool);
    const oldResult = await pool.use(async (old) => {
      await publishFixtureSnapshot(state, second);
      server.clock.advance(1000);
      expect((await pavia()).value).toBe(PAVIA_2021_CHANGED); // new requests see the new snapshot…
      const [row] = await old.query<{ numerator: number }>(
        "SELECT numerator FROM indicator_part WHERE indicator_code = 'DEM_POP' AND territory_code = '018110' AND year = 2021",
      );
      return { id: old.info.id, numerator: row!.numerator }; // …while this one still reads the old file
    });
    expect(oldResult).toEqual({ id: first.id, numerator: PAVIA_2021 });
    expect((await pavia()).value).toBe(PAVIA_2021_CHANGED);
  });
});
