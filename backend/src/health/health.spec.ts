import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stateLayout } from '@osservatorio/etl/layout';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { districtData } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { buildFixtureSnapshot, createStateDir, pointCurrentAt, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let snapshot: FixtureSnapshot;
beforeAll(async () => {
  snapshot = await buildFixtureSnapshot({ data: districtData() });
});
afterAll(async () => {
  await snapshot?.remove();
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

const health = (headers: Record<string, string> = {}) => getJson(`${server.url}/api/health`, { headers });

it('answers 200 with the id of the snapshot served', async () => {
  await publishFixtureSnapshot(state, snapshot);
  server = await startTestServer(state);
  const { status, body } = await health();
  expect(status).toBe(200);
  expect(body).toMatchObject({ status: 'ok', reason: null, message: null, database: 'sqlite' });
  expect(body.snapshot.id).toBe(snapshot.id);
});

it('answers 503 in Italian by default when no snapshot is published', async () => {
  server = await startTestServer(state);
  const { status, body, headers } = await health({ 'Accept-Language': '*' });
  expect(status).toBe(503);
  expect(body).toEqual({ status: 'unavailable', snapshot: null, reason: 'no-snapshot-published', message: 'Nessuno snapshot ancora pubblicato: eseguire npm run etl -- load', database: 'sqlite' });
  expect(headers.get('content-language')).toBe('it');
});

describe('when the pointer names a snapshot that cannot be read, and nothing else is served', () => {
  it.each([
    ['a snapshot file that does not exist', () => pointCurrentAt(state, '20250309T000000000Z-missing0'), /CURRENT names 20250309T000000000Z-missing0, which cannot be served/],
    ['a file that is not a DuckDB database', async () => {
      const file = stateLayout(state).snapshotFile('garbage');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, 'not a database');
      await pointCurrentAt(state, 'garbage');
    }, /CURRENT names garbage, which cannot be served/],
  ])('answers 503 saying it is unreadable: %s', async (_, point, detail) => {
    await point();
    server = await startTestServer(state);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'unavailable', snapshot: null, reason: 'snapshot-unreadable' });
    expect(body.message).toMatch(/^The snapshot named cannot be read \(/);
    expect(body.message).toMatch(detail);
    expect(body.message).toMatch(/npm run etl -- rollback/);
  });

  it('answers 200 again once a readable snapshot is published', async () => {
    await pointCurrentAt(state, 'garbage-id');
    server = await startTestServer(state);
    expect((await health()).body.reason).toBe('snapshot-unreadable');
    await publishFixtureSnapshot(state, snapshot);
    server.clock.advance(1000);
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.snapshot.id).toBe(snapshot.id);
  });
});
