import { writeFile } from 'node:fs/promises';
import { stateLayout } from '@osservatorio/etl/layout';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { districtFixture } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { createStateDir, pointCurrentAt, publishSnapshot, removeStateDir, writeSnapshot, type SnapshotFixture } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { SnapshotPool } from './snapshot-pool.js';

const FIRST = '20250301T100000000Z-aaaaaaaa';
const SECOND = '20250302T100000000Z-bbbbbbbb';

/** The district with Pavia's 2024 population changed, to tell the snapshots apart by their data. */
function secondFixture(): SnapshotFixture {
  const fixture = districtFixture(SECOND);
  return {
    ...fixture,
    parts: fixture.parts!.map((p) => (p.territory_code === '018110' && p.indicator_code === 'DEM_POP' && p.year === 2024 ? { ...p, numerator: 71000 } : p)),
  };
}

let state: string;
let server: TestServer;
beforeEach(async () => {
  state = await createStateDir();
});
afterEach(async () => {
  await server?.close();
  await removeStateDir(state);
});

const pavia = async () => (await getJson(`${server.url}/api/indicators/DEM_POP/values?level=comune&parent=AMB_PV`)).body.rows[0];
const servedId = async () => (await getJson(`${server.url}/api/health`)).body.snapshot?.id ?? null;

describe('before anything is published', () => {
  it('answers health, and 503 from data endpoints', async () => {
    server = await startTestServer(state);
    const health = await getJson(`${server.url}/api/health`);
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', snapshot: null, database: 'sqlite' } });
    for (const path of ['/api/territories', '/api/indicators', '/api/indicators/DEM_POP', '/api/indicators/DEM_POP/values', '/api/boundaries/018']) {
      const { status, body } = await getJson(`${server.url}${path}`);
      expect(status, path).toBe(503);
      expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'No snapshot published yet: run npm run etl -- load' });
    }
  });

  it('serves the first snapshot once the pointer is read again, at most once a second', async () => {
    server = await startTestServer(state);
    await publishSnapshot(state, districtFixture(FIRST));
    server.clock.advance(500);
    expect(await servedId()).toBeNull();
    server.clock.advance(500);
    expect(await servedId()).toBe(FIRST);
    expect((await pavia()).value).toBe(70000);
  });
});

describe('with a snapshot served', () => {
  beforeEach(async () => {
    await publishSnapshot(state, districtFixture(FIRST));
    server = await startTestServer(state);
  });

  it('switches to a newly published snapshot', async () => {
    const before = await fetch(`${server.url}/api/indicators`);
    await publishSnapshot(state, secondFixture());
    server.clock.advance(1000);
    expect(await servedId()).toBe(SECOND);
    expect((await pavia()).value).toBe(71000);
    const after = await fetch(`${server.url}/api/indicators`, { headers: { 'If-None-Match': before.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-snapshot-id')).toBe(SECOND);
  });

  it.each([
    ['a snapshot file that does not exist', async () => pointCurrentAt(state, '20250309T000000000Z-missing0')],
    ['a file that is not a DuckDB database', async () => {
      await writeFile(stateLayout(state).snapshotFile('garbage'), 'not a database');
      await pointCurrentAt(state, 'garbage');
    }],
    ['a snapshot of another schema version', async () => {
      const fixture = districtFixture('other-schema');
      await writeSnapshot(state, { ...fixture, meta: { ...fixture.meta, schemaVersion: '999' } });
      await pointCurrentAt(state, 'other-schema');
    }],
    ['a path instead of an id', async () => pointCurrentAt(state, '../../etc/passwd')],
    ['an empty pointer', async () => writeFile(stateLayout(state).currentPointer, '')],
  ])('keeps serving the current snapshot when CURRENT names %s', async (_, point) => {
    await point();
    server.clock.advance(1000);
    expect(await servedId()).toBe(FIRST);
    expect((await pavia()).value).toBe(70000);
    // …and still switches when a good snapshot is published afterwards.
    await publishSnapshot(state, secondFixture());
    server.clock.advance(1000);
    expect(await servedId()).toBe(SECOND);
  });

  it('lets work started on the old snapshot finish on it after the switch', async () => {
    const pool = server.app.get(SnapshotPool);
    const oldResult = await pool.use(async (old) => {
      await publishSnapshot(state, secondFixture());
      server.clock.advance(1000);
      expect((await pavia()).value).toBe(71000); // new requests see the new snapshot…
      const [row] = await old.query<{ numerator: number }>(
        "SELECT numerator FROM indicator_part WHERE indicator_code = 'DEM_POP' AND territory_code = '018110' AND year = 2024",
      );
      return { id: old.info.id, numerator: row!.numerator }; // …while this one still reads the old file
    });
    expect(oldResult).toEqual({ id: FIRST, numerator: 70000 });
    expect((await pavia()).value).toBe(71000);
  });
});
