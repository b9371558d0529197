import { expect, it } from 'vitest';
import { districtData } from '../testing/district-fixture.js';
import { switchingSnapshots } from '../testing/switching-snapshots.js';

// The engine finds a request's territories in lookups read once per snapshot (territories, containment).
// Two snapshots that differ only in the members of the Ambiti: after the switch, the comuni of PV-T1 must
// be those of the new snapshot, never those cached from the old one.
const AMBITI = 'territory/ambiti.yaml';
const firstData = districtData();
const firstAmbiti = firstData.overrides![AMBITI] as string;
// 018193 moves from PV-T2 to PV-T1.
const secondAmbiti = firstAmbiti.replace("      - { comune: '018193' }\n", '').replace("      - { comune: '018110' }\n", "      - { comune: '018110' }\n      - { comune: '018193' }\n");
const MEMBERS_OF_PV_T1 = { first: ['018110'], second: ['018110', '018193'] };

const switching = switchingSnapshots(firstData, { ...firstData, overrides: { ...firstData.overrides, [AMBITI]: secondAmbiti } });

const comuniOfPvT1 = async () => {
  const response = await fetch(`${switching().server.url}/api/indicators/DEM_POP/values?level=comune&parent=PV-T1&year=2021&benchmark=provincia`);
  const body = (await response.json()) as { snapshot: { id: string }; rows: { code: string; benchmarkCode: string }[] };
  expect(response.status).toBe(200);
  expect(body.rows.every((r) => r.benchmarkCode === '018')).toBe(true);
  return { id: body.snapshot.id, codes: body.rows.map((r) => r.code).sort() };
};

it('finds the territories of a request in the lookups of the snapshot that answers it, across a switch', async () => {
  expect(secondAmbiti).not.toBe(firstAmbiti);
  const { first, second, publishSecond } = switching();
  const before = await comuniOfPvT1();
  expect(before).toEqual({ id: first.id, codes: MEMBERS_OF_PV_T1.first });
  await publishSecond();
  const deadline = Date.now() + 10_000;
  let after = await comuniOfPvT1();
  while (after.id !== second.id && Date.now() < deadline) {
    expect(after).toEqual({ id: first.id, codes: MEMBERS_OF_PV_T1.first });
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = await comuniOfPvT1();
  }
  expect(after).toEqual({ id: second.id, codes: MEMBERS_OF_PV_T1.second });
});
