import { expect, it } from 'vitest';
import { changedDistrictData, districtData, districtPopulation } from '../testing/district-fixture.js';
import { switchingSnapshots } from '../testing/switching-snapshots.js';

// Two loads that differ only in Pavia's residents of 1 January 2021: every answer must carry the value of
// the snapshot it names, whichever it was served from, while a new one is published under the requests.
const PAVIA_2021 = districtPopulation.wide['018110']![3] as number;
const CHANGED = PAVIA_2021 + 1000;
const switching = switchingSnapshots(districtData(), changedDistrictData(CHANGED));

const PATHS = [
  '/api/indicators/DEM_POP/values?level=comune&parent=PV-T1&year=2021',
  '/api/profiles/018110?year=2021',
  '/api/compare?territories=018110&indicators=DEM_POP&year=2021',
];
const paviaIn = (path: string, body: { rows: unknown[] }): number => {
  if (path.startsWith('/api/indicators')) return (body.rows[0] as { value: number }).value;
  if (path.startsWith('/api/profiles')) return (body.rows as { indicator: { code: string }; value: { value: number } }[]).find((r) => r.indicator.code === 'DEM_POP')!.value.value;
  return (body.rows[0] as { values: { value: number }[] }).values[0]!.value;
};

it('answers every request entirely from the one snapshot it names, across a switch', async () => {
  const { first, second, server, publishSecond } = switching();
  const expectedBySnapshot = new Map<string, number>([[first.id, PAVIA_2021], [second.id, CHANGED]]);
  const seen = new Set<string>();
  let publishing: Promise<void> | null = null;
  const deadline = Date.now() + 20_000;
  // Requests keep running, 6 at a time, until both snapshots have answered (the pointer is read once a second).
  while (Date.now() < deadline && !(seen.has(first.id) && seen.has(second.id) && publishing !== null)) {
    const batch = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const path = PATHS[i % PATHS.length]!;
        const response = await fetch(`${server.url}${path}`);
        const body = (await response.json()) as { snapshot: { id: string }; rows: unknown[] };
        return { path, header: response.headers.get('x-snapshot-id'), body };
      }),
    );
    for (const { path, header, body } of batch) {
      expect(header).toBe(body.snapshot.id);
      expect(paviaIn(path, body), `${path} from ${body.snapshot.id}`).toBe(expectedBySnapshot.get(body.snapshot.id));
      seen.add(body.snapshot.id);
    }
    if (publishing === null && seen.size > 0) publishing = publishSecond();
  }
  await publishing;
  expect([...seen].sort()).toEqual([first.id, second.id].sort());
});
