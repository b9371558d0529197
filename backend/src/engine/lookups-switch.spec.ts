import { afterAll, beforeAll, expect, it } from 'vitest';
import { SystemClock } from '../core/clock.js';
import { districtData } from '../testing/district-fixture.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// The engine finds a request's territories in lookups read once per snapshot (territories, containment).
// Two snapshots that differ only in the members of the Ambiti: after the switch, the comuni of PV-T1 must
// be those of the new snapshot, never those cached from the old one.
const AMBITI = 'territory/ambiti.yaml';
const firstData = districtData();
const firstAmbiti = firstData.overrides![AMBITI] as string;
// 018193 moves from PV-T2 to PV-T1.
const secondAmbiti = firstAmbiti.replace("      - { comune: '018193' }\n", '').replace("      - { comune: '018110' }\n", "      - { comune: '018110' }\n      - { comune: '018193' }\n");
const MEMBERS_OF_PV_T1 = { first: ['018110'], second: ['018110', '018193'] };

let first: FixtureSnapshot;
let second: FixtureSnapshot;
let state: string;
let server: TestServer<SystemClock>;
beforeAll(async () => {
  expect(secondAmbiti).not.toBe(firstAmbiti);
  first = await buildFixtureSnapshot({ data: firstData, now: new Date('2025-03-01T10:00:00.000Z') });
  second = await buildFixtureSnapshot({ data: { ...firstData, overrides: { ...firstData.overrides, [AMBITI]: secondAmbiti } }, now: new Date('2025-03-02T10:00:00.000Z') });
  state = await createStateDir();
  await publishFixtureSnapshot(state, first);
  server = await startTestServer(state, {}, new SystemClock());
});
afterAll(async () => {
  await server?.close();
  await first?.remove();
  await second?.remove();
  await removeStateDir(state);
});

const comuniOfPvT1 = async () => {
  const response = await fetch(`${server.url}/api/indicators/DEM_POP/values?level=comune&parent=PV-T1&year=2021&benchmark=provincia`);
  const body = (await response.json()) as { snapshot: { id: string }; rows: { code: string; benchmarkCode: string }[] };
  expect(response.status).toBe(200);
  expect(body.rows.every((r) => r.benchmarkCode === '018')).toBe(true);
  return { id: body.snapshot.id, codes: body.rows.map((r) => r.code).sort() };
};

it('finds the territories of a request in the lookups of the snapshot that answers it, across a switch', async () => {
  const before = await comuniOfPvT1();
  expect(before).toEqual({ id: first.id, codes: MEMBERS_OF_PV_T1.first });
  await publishFixtureSnapshot(state, second);
  const deadline = Date.now() + 10_000;
  let after = await comuniOfPvT1();
  while (after.id !== second.id && Date.now() < deadline) {
    expect(after).toEqual({ id: first.id, codes: MEMBERS_OF_PV_T1.first });
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = await comuniOfPvT1();
  }
  expect(after).toEqual({ id: second.id, codes: MEMBERS_OF_PV_T1.second });
});
