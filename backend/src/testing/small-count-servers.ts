/**
 * The district with 3 children under 12 in Colli Verdi (018193) in 2021, a count under the default
 * suppression threshold of 5, served twice for the test file that calls this: to the public and to the
 * office audience. Registers its own beforeAll/afterAll.
 */
import { afterAll, beforeAll } from 'vitest';
import { districtData, districtPopulation } from './district-fixture.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from './snapshot-factory.js';
import { startTestServer, type TestServer } from './test-server.js';

export const SMALL_COUNT = 3;

export function smallCountServers(): { readonly public: () => TestServer; readonly office: () => TestServer } {
  let snapshot: FixtureSnapshot;
  let state: string;
  let publicServer: TestServer;
  let officeServer: TestServer;
  beforeAll(async () => {
    snapshot = await buildFixtureSnapshot({ data: districtData({ ...districtPopulation, under12: { ...districtPopulation.under12, '18193': [SMALL_COUNT, 1097] } }) });
    state = await createStateDir();
    await publishFixtureSnapshot(state, snapshot);
    publicServer = await startTestServer(state);
    officeServer = await startTestServer(state, { OSSERVATORIO_AUDIENCE: 'office' });
  });
  afterAll(async () => {
    await publicServer?.close();
    await officeServer?.close();
    await snapshot?.remove();
    await removeStateDir(state);
  });
  return { public: () => publicServer, office: () => officeServer };
}
