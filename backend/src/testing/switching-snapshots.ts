/**
 * Two snapshots built from two data folders, a server on a clock of its own serving the first, and the
 * second held back for the test to publish under the requests (a snapshot switch). Registers its own
 * beforeAll/afterAll in the test file that calls it.
 */
import { afterAll, beforeAll } from 'vitest';
import type { DataFolderOptions } from '../../../etl/src/testing/data-folder.js';
import { SystemClock } from '../core/clock.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from './snapshot-factory.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface SwitchingSnapshots {
  readonly first: FixtureSnapshot;
  readonly second: FixtureSnapshot;
  readonly server: TestServer<SystemClock>;
  /** Publishes the second snapshot; the server switches to it on its next reading of the pointer. */
  publishSecond(): Promise<void>;
}

export function switchingSnapshots(firstData: DataFolderOptions, secondData: DataFolderOptions): () => SwitchingSnapshots {
  let snapshots: SwitchingSnapshots | null = null;
  let state: string;
  beforeAll(async () => {
    const first = await buildFixtureSnapshot({ data: firstData, now: new Date('2025-03-01T10:00:00.000Z') });
    const second = await buildFixtureSnapshot({ data: secondData, now: new Date('2025-03-02T10:00:00.000Z') });
    state = await createStateDir();
    await publishFixtureSnapshot(state, first);
    const server = await startTestServer(state, {}, new SystemClock());
    snapshots = { first, second, server, publishSecond: () => publishFixtureSnapshot(state, second) };
  });
  afterAll(async () => {
    await snapshots?.server.close();
    await snapshots?.first.remove();
    await snapshots?.second.remove();
    await removeStateDir(state);
  });
  return () => snapshots!;
}
