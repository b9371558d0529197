import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { districtFixture } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { createTestSchema, describeWithPostgres } from '../testing/postgres.js';
import { createStateDir, publishSnapshot, removeStateDir } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const FIRST = '20250301T100000000Z-aaaaaaaa';
const SECOND = '20250302T100000000Z-bbbbbbbb';

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
    await publishSnapshot(state, districtFixture(FIRST));
    server = await startTestServer(state, env());
    expect((await getJson(`${server.url}/api/health`)).body.database).toBe(database);
    server.clock.advance(60_000);
    await publishSnapshot(state, { ...districtFixture(SECOND), meta: { snapshotId: SECOND, mode: 'demo' } });
    await getJson(`${server.url}/api/health`);
    server.clock.advance(60_000);
    await getJson(`${server.url}/api/health`); // same snapshot again: no new record

    const { status, body } = await getJson(`${server.url}/api/snapshots/served`);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      { snapshotId: SECOND, mode: 'demo', firstServedAt: '2025-03-01T10:01:00.000Z', sourceCount: 3 },
      { snapshotId: FIRST, mode: 'real', firstServedAt: '2025-03-01T10:00:00.000Z', sourceCount: 3 },
    ]);
  });

  it('keeps the first record across restarts', async () => {
    await publishSnapshot(state, districtFixture(FIRST));
    server = await startTestServer(state, env());
    await server.close();
    server = await startTestServer(state, env());
    const { body } = await getJson(`${server.url}/api/snapshots/served`);
    expect(body.rows.map((r: { snapshotId: string }) => r.snapshotId)).toEqual([FIRST]);
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
