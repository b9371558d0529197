import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { SMALL_COUNT, smallCountServers } from '../testing/small-count-servers.js';

// The district with 3 children under 12 in Colli Verdi (018193) in 2021: a count under the default
// threshold of 5, which the public must never see, in any row, benchmark, group or export.
const SMALL = SMALL_COUNT;
const servers = smallCountServers();

type Row = { code: string; level: string; numerator: number | null; value: number | null; ci95: unknown; suppressed: boolean; comparison: string };
const PATH = '/api/indicators/DEM_U12/values?level=comune&parent=PV-T2&year=2021&group=018193,018026';

describe('suppression', () => {
  it('blanks the small count, its value and interval, for the public, in rows and groups', async () => {
    const { body } = await getJson(`${servers.public().url}${PATH}`);
    const colliVerdi = body.rows.find((r: Row) => r.code === '018193');
    expect(colliVerdi).toMatchObject({ numerator: null, value: null, ci95: null, suppressed: true, comparison: 'not_compared' });
    const group = body.rows.find((r: Row) => r.level === 'group');
    expect(group).toMatchObject({ numerator: null, value: null, suppressed: true });
    // Nothing in the answer shows the count.
    const shown = body.rows.filter((r: Row) => !r.suppressed).map((r: Row) => r.numerator);
    expect(shown).not.toContain(SMALL);
  });

  it('shows everything to the office, under another ETag', async () => {
    const office = await fetch(`${servers.office().url}${PATH}`);
    const body = (await office.json()) as { rows: Row[] };
    expect(body.rows.find((r) => r.code === '018193')).toMatchObject({ numerator: SMALL, suppressed: false });
    const pub = await fetch(`${servers.public().url}${PATH}`);
    expect(office.headers.get('etag')).not.toBe(pub.headers.get('etag'));
  });

  it('hides it in the export too', async () => {
    const response = await fetch(`${servers.public().url}/api/export/values?level=comune&indicators=DEM_U12&format=arrow`);
    const rows = tableFromIPC(new Uint8Array(await response.arrayBuffer())).toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(rows.find((r) => r.code === '018193')).toMatchObject({ numerator: null, value: null, suppressed: true });
  });

  it("leaves a suppressed peer out of a profile's spread", async () => {
    const { body } = await getJson(`${servers.public().url}/api/profiles/018110?year=2021`);
    const u12 = body.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'DEM_U12');
    const colliVerdiValue = (SMALL / (SMALL + 1097)) * 100;
    expect(u12.peers.min).not.toBeCloseTo(colliVerdiValue, 6);
    expect(u12.peers.n).toBe(2); // Pavia and Campospinoso Albaredo; Vigevano has no value
  });
});
