/**
 * Snapshots for API tests are built by the ETL from fixture data folders (etl/src/testing), never by
 * hand; this adds the temporary state folders the API serves them from.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export {
  alterSnapshotFile,
  buildFixtureSnapshot,
  installSnapshot,
  pointCurrentAt,
  publishFixtureSnapshot,
  type FixtureSnapshot,
  type FixtureSnapshotOptions,
} from '../../../etl/src/testing/fixture-snapshot.js';

export async function createStateDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'osservatorio-test-'));
}

export async function removeStateDir(stateDir: string): Promise<void> {
  await rm(stateDir, { recursive: true, force: true });
}
