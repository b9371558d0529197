import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createApp } from '../create-app.js';
import type { Clock } from '../core/clock.js';
import { districtData } from './district-fixture.js';
import { ManualClock } from './manual-clock.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot, type FixtureSnapshotOptions } from './snapshot-factory.js';

export interface TestServer<C extends Clock = ManualClock> {
  readonly url: string;
  readonly app: NestFastifyApplication;
  readonly clock: C;
  close(): Promise<void>;
}

/**
 * The real app on a free port of 127.0.0.1, over `stateDir`; `env` adds to the configuration. The clock is
 * a manual one unless a test that needs time to pass by itself (e.g. for a new snapshot to be noticed)
 * gives the system clock.
 */
export async function startTestServer<C extends Clock = ManualClock>(
  stateDir: string,
  env: Record<string, string> = {},
  clock: C = new ManualClock() as Clock as C,
): Promise<TestServer<C>> {
  const config = loadConfig({ OSSERVATORIO_STATE_DIR: stateDir, OSSERVATORIO_FRONTEND_DIR: `${stateDir}/no-frontend`, ...env });
  const app = await createApp(config, { clock, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, app, clock, close: () => app.close() };
}

/**
 * Serves a snapshot the ETL builds from a fixture (by default the district) for the enclosing suite: loads
 * it into a fresh state folder before the tests and removes everything after them.
 */
export function serveSnapshotDuringSuite(fixture: FixtureSnapshotOptions = { data: districtData() }): { readonly url: string; readonly snapshotId: string } {
  let state: string;
  let snapshot: FixtureSnapshot | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    state = await createStateDir();
    snapshot = await buildFixtureSnapshot(fixture);
    await publishFixtureSnapshot(state, snapshot);
    server = await startTestServer(state);
  });
  afterAll(async () => {
    await server?.close();
    await snapshot?.remove();
    await removeStateDir(state);
  });
  return {
    get url() {
      if (!server) throw new Error('the fixture server is not started yet: use it inside a test');
      return server.url;
    },
    get snapshotId() {
      if (!snapshot) throw new Error('the fixture snapshot is not built yet: use it inside a test');
      return snapshot.id;
    },
  };
}
