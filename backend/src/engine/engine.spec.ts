import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { districtPopulation, VIGEVANO } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { csvText, italianNumber, parseItalianCsv } from '../testing/italian-csv.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

// Every expected number is summed here from the fixture's inputs (district-fixture.ts), never read back.
const server = serveSnapshotDuringSuite();
const { wide, under12 } = districtPopulation;
const num = (v: number | '' | undefined) => {
  if (typeof v !== 'number') throw new Error('the fixture has no number here');
  return v;
};
/** DEM_U12 2021 parts of current comuni, the codes merged into each summed (018026 ← 018002). */
const U12: Record<string, { n: number; d: number } | null> = {
  '018110': { n: num(under12['18110']![0]), d: num(under12['18110']![0]) + num(under12['18110']![1]) },
  [VIGEVANO]: null,
  '018193': { n: num(under12['18193']![0]), d: num(under12['18193']![0]) + num(under12['18193']![1]) },
  '018026': { n: num(under12['18026']![0]) + num(under12['18002']![0]), d: num(under12['18026']![0]) + num(under12['18026']![1]) + num(under12['18002']![0]) + num(under12['18002']![1]) },
  '019036': { n: num(under12['19036']![0]), d: num(under12['19036']![0]) + num(under12['19036']![1]) },
};
const sumOf = (codes: string[]) => {
  const present = codes.map((c) => U12[c]).filter((p): p is { n: number; d: number } => p !== null);
  const n = present.reduce((s, p) => s + p.n, 0);
  const d = present.reduce((s, p) => s + p.d, 0);
  return { numerator: n, denominator: d, value: (n / d) * 100, comuniWithData: present.length, comuniTotal: codes.length };
};
const MEMBERS: Record<string, string[]> = {
  'PV-T1': ['018110'],
  'PV-T2': [VIGEVANO, '018193', '018026'],
  '018': ['018110', VIGEVANO, '018193', '018026'],
  '019': ['019036'],
  '03': ['018110', VIGEVANO, '018193', '018026', '019036'],
  IT: ['018110', VIGEVANO, '018193', '018026', '019036'],
};
/** Residents of current comuni on 1 January of `year` (2018-2021), merged codes summed. */
const residents = (year: number, code: string) => {
  const codes = code === '018026' ? ['018026', '018002'] : code === '018193' && year === 2018 ? ['018028', '018132', '018170'] : [code];
  return codes.reduce((s, c) => s + num(wide[c]![year - 2018]), 0);
};

type Row = { code: string; year: number; value: number | null; numerator: number | null; denominator: number | null; comuniWithData: number; comuniTotal: number; benchmarkCode: string | null; comparison: string; level: string };
const values = async (path: string) => getJson(`${server.url}/api/indicators/${path}`);
const expectSums = (row: Row | undefined, codes: string[]) => {
  const expected = sumOf(codes);
  expect(row).toMatchObject({ numerator: expected.numerator, denominator: expected.denominator, comuniWithData: expected.comuniWithData, comuniTotal: expected.comuniTotal });
  expect(row!.value).toBeCloseTo(expected.value, 10);
};

describe('values at every level agree with sums worked out from the fixture', () => {
  it('comuni, with their provincia as benchmark', async () => {
    const { status, body } = await values('DEM_U12/values?level=comune&parent=018&year=2021');
    expect(status).toBe(200);
    for (const code of MEMBERS['018']!) {
      const row = body.rows.find((r: Row) => r.code === code);
      if (U12[code] === null) expect(row).toMatchObject({ value: null, numerator: null, comuniWithData: 0, comuniTotal: 1 });
      else expectSums(row, [code]);
      expect(row.benchmarkCode).toBe('018');
    }
    expectSums(body.benchmark, MEMBERS['018']!);
  });

  it.each([
    ['ambito', 'level=ambito&parent=018', ['PV-T1', 'PV-T2']],
    ['provincia', 'level=provincia&parent=03', ['018', '019']],
    ['regione', 'level=regione', ['03']],
  ])('%s', async (_level, query, codes) => {
    const { body } = await values(`DEM_U12/values?${query}&year=2021`);
    expect(body.rows.map((r: Row) => r.code).sort()).toEqual([...codes].sort());
    for (const code of codes) expectSums(body.rows.find((r: Row) => r.code === code), MEMBERS[code]!);
  });

  it('Italia, as the benchmark of the regioni', async () => {
    const { body } = await values('DEM_U12/values?level=regione&year=2021&benchmark=italia');
    expectSums(body.benchmark, MEMBERS.IT!);
    expect(body.benchmark.code).toBe('IT');
    // Lombardia is all of this Italy: its value equals the benchmark's, so it is never "different".
    expect(['similar', 'not_compared']).toContain(body.rows[0].comparison);
  });

  it('a group of comuni, summed on the fly, beside the rows', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=PV-T2&year=2021&group=018110,019036,018177');
    const group = body.rows.find((r: Row) => r.level === 'group');
    expectSums(group, ['018110', '019036', VIGEVANO]);
    expect(group.name).toBe('Gruppo di 3 comuni');
    expect(body.rows.at(-1)).toBe(group ?? 'the group last');
  });

  it('names a group of one comune in the singular', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=PV-T2&year=2021&group=018110');
    expect(body.rows.find((r: Row) => r.level === 'group')?.name).toBe('Gruppo di 1 comune');
  });

  it('a group as the benchmark of every row', async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=018&year=2021&group=018110,018193&benchmark=group');
    expect(body.rows.some((r: Row) => r.level === 'group')).toBe(false);
    expectSums(body.benchmark, ['018110', '018193']);
    expect(body.rows.every((r: Row) => r.benchmarkCode === 'group')).toBe(true);
  });

  it("each row's own Ambito as benchmark", async () => {
    const { body } = await values('DEM_U12/values?level=comune&parent=018&year=2021&benchmark=ambito');
    const ambitoOf = Object.fromEntries(body.rows.map((r: Row) => [r.code, r.benchmarkCode]));
    expect(ambitoOf).toEqual({ '018110': 'PV-T1', [VIGEVANO]: 'PV-T2', '018193': 'PV-T2', '018026': 'PV-T2' });
    expect(body.benchmark).toBeNull();
    for (const code of ['PV-T1', 'PV-T2']) expectSums(body.benchmarks.find((b: Row) => b.code === code), MEMBERS[code]!);
  });

  it('a range of years gives one row per territory and year', async () => {
    const { body } = await values('DEM_POP/values?level=comune&parent=PV-T2&years=2018-2021');
    expect(body.years).toEqual([2018, 2019, 2020, 2021]);
    const campospinoso = body.rows.filter((r: Row) => r.code === '018026');
    expect(campospinoso.map((r: Row) => [r.year, r.value])).toEqual([2018, 2019, 2020, 2021].map((y) => [y, residents(y, '018026')]));
    expect(body.total).toBe(12);
  });
});

describe('small numbers, quintiles, pagination', () => {
  it('flags a denominator under the minimum', async () => {
    // Without min_denominator in the catalogue the default is 100: Colli Verdi's 1,100 residents are not small.
    const { body } = await values('DEM_U12/values?level=comune&parent=018&year=2021');
    expect(body.rows.every((r: { smallNumber: boolean }) => r.smallNumber === false)).toBe(true);
  });

  it('gives quintiles on request: by rank among the rows of the year, none under five values', async () => {
    // DEM_POP 2019: every one of the 5 comuni has a value, so each has its own quintile, lowest first.
    const { body } = await values('DEM_POP/values?level=comune&year=2019&classify=quintiles');
    const byValue = [...body.rows].sort((a: Row, b: Row) => a.value! - b.value!);
    expect(byValue.map((r: { quintile: number }) => r.quintile)).toEqual([1, 2, 3, 4, 5]);
    // DEM_U12 2021: only 4 comuni have a value, too few for quintiles.
    const few = await values('DEM_U12/values?level=comune&year=2021&classify=quintiles');
    expect(few.body.rows.map((r: { quintile: number | null }) => r.quintile)).toEqual([null, null, null, null, null]);
  });

  it('caps a huge limit and pages with offset', async () => {
    const { status, body } = await values('DEM_POP/values?level=comune&limit=99999999999999&offset=1');
    expect(status).toBe(200);
    expect(body.limit).toBe(10000);
    expect(body.rows).toHaveLength(4);
    expect(body.total).toBe(5);
  });
});

describe('profile, trend, compare', () => {
  it('profiles a comune against its provincia, with the spread of the comuni of the provincia', async () => {
    const { status, body } = await getJson(`${server.url}/api/profiles/018110?year=2021`);
    expect(status).toBe(200);
    expect(body.benchmark).toBe('018');
    const u12 = body.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'DEM_U12');
    expectSums(u12.value, ['018110']);
    expectSums(u12.benchmark, MEMBERS['018']!);
    const peerValues = MEMBERS['018']!.filter((c) => U12[c] !== null).map((c) => sumOf([c]).value).sort((a, b) => a - b);
    expect(u12.peers.n).toBe(3);
    expect(u12.peers.min).toBeCloseTo(peerValues[0]!, 10);
    expect(u12.peers.median).toBeCloseTo(peerValues[1]!, 10);
    expect(u12.peers.max).toBeCloseTo(peerValues[2]!, 10);
    expect(u12.peers.q1).toBeCloseTo((peerValues[0]! + peerValues[1]!) / 2, 10);
    const missing = body.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'SUP01');
    expect(missing).toMatchObject({ value: null, year: null });
    expect(missing.unavailable).toMatch(/no values/);
  });

  it('gives the series of every year and a trend result', async () => {
    const { body } = await values('DEM_POP/trend?territory=018110');
    expect(body.rows.map((r: Row) => [r.year, r.value])).toEqual([
      ...[2018, 2019, 2020, 2021].map((y) => [y, residents(y, '018110')]),
      [2022, districtPopulation.bySex2022['18110']![0]],
    ]);
    expect(body.trend.points).toBe(5); // the last five of the five years
    expect(body.trend.method).toMatch(/\w/);
  });

  it('compares territories of different levels side by side', async () => {
    const { body } = await getJson(`${server.url}/api/compare?territories=019036,PV-T2,018110&indicators=DEM_U12&year=2021`);
    const [u12] = body.rows;
    expect(u12.values.map((r: Row) => r.code)).toEqual(['019036', 'PV-T2', '018110']);
    expectSums(u12.values[1], MEMBERS['PV-T2']!);
  });
});

describe('exports', () => {
  const path = '/api/export/values?level=comune&indicators=DEM_U12,DEM_POP&years=2020-2021';
  const expected = (format: string) => `${format}: DEM_POP 2020 and 2021, DEM_U12 2021, for 5 comuni`;

  it('streams the same rows as JSON, CSV and Arrow', async () => {
    const json = await (await fetch(`${server.url}${path}`)).json() as { snapshot: { id: string }; rows: Row[] & { indicator: string }[] };
    expect(json.snapshot.id).toBe(server.snapshotId);
    expect(json.rows, expected('json')).toHaveLength(15);
    const pavia = json.rows.find((r) => (r as unknown as { indicator: string }).indicator === 'DEM_U12' && r.code === '018110')!;
    expect(pavia.value).toBeCloseTo(sumOf(['018110']).value, 10);

    const csv = parseItalianCsv(csvText(await (await fetch(`${server.url}${path}`, { headers: { Accept: 'text/csv' } })).arrayBuffer()));
    expect(csv.bom).toBe(true);
    expect(csv.rows, expected('csv')).toHaveLength(15);
    const at = (name: string) => csv.header.indexOf(name);
    const csvPavia = csv.rows.find((r) => r[at('indicator')] === 'DEM_U12' && r[at('code')] === '018110')!;
    expect(italianNumber(csvPavia[at('value')]!)).toBeCloseTo(sumOf(['018110']).value, 10);

    const arrowResponse = await fetch(`${server.url}${path}`, { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(arrowResponse.headers.get('x-snapshot-id')).toBe(server.snapshotId);
    const table = tableFromIPC(new Uint8Array(await arrowResponse.arrayBuffer()));
    expect(table.numRows, expected('arrow')).toBe(15);
    expect(table.schema.metadata.get('snapshot_id')).toBe(server.snapshotId);
    const arrowRows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    for (const row of json.rows as unknown as Record<string, unknown>[]) {
      const twin = arrowRows.find((a) => a.indicator === row.indicator && a.code === row.code && a.year === row.year)!;
      expect(twin.value).toEqual(row.value);
      expect(twin.numerator).toEqual(row.numerator);
    }
  });
});

describe('bad requests', () => {
  it.each([
    ['indicators/DEM_U12/values?benchmark=nowhere!', 400, /^benchmark: "nowhere!" is not allowed; use one of ambito, provincia, regione, italia/],
    ['indicators/DEM_U12/values?level=regione&benchmark=provincia', 400, /^benchmark: provincia does not contain territories of level regione/],
    ['indicators/DEM_U12/values?benchmark=group', 400, /^benchmark: group needs the comuni/],
    ['indicators/DEM_U12/values?group=018110,018', 400, /^group: 018 \(Pavia\) is of level provincia; a group is made of comuni$/],
    ['indicators/DEM_U12/values?group=018110,099999', 404, /Territory 099999 is not in snapshot/],
    ['indicators/DEM_U12/values?benchmark=099', 404, /Territory 099 is not in snapshot/],
    ['indicators/DEM_POP/values?years=2021-2018', 400, /^years: "2021-2018" runs backwards/],
    ['indicators/DEM_POP/values?years=2030-2031', 400, /^years: DEM_POP has no values for 2030-2031; available years: 2018, 2019, 2020, 2021, 2022$/],
    ['indicators/DEM_POP/values?year=2020&years=2021', 400, /^years: give year or years, not both$/],
    ['indicators/DEM_POP/values?classify=deciles', 400, /^classify: "deciles" is not allowed; use one of quintiles$/],
    ["indicators/DEM_POP/values?group=018110'%20OR%201=1--", 400, /^group: .*not a territory code/],
    ['indicators/DEM_POP/trend', 400, /^territory: is required/],
    ['indicators/DEM_POP/trend?territory=099', 404, /Territory 099 is not in snapshot/],
    ['profiles/099', 404, /Territory 099 is not in snapshot/],
    ['profiles/018110?benchmark=018110', 400, /^benchmark: 018110 \(Pavia\) is the territory itself: a territory is never compared with itself; use a level above it, italia or another territory's code$/],
    ['indicators/DEM_POP/trend?territory=018110&benchmark=018110', 400, /^benchmark: 018110 \(Pavia\) is the territory itself/],
    ['profiles/018110?benchmark=ambito&year=20x1', 400, /^year: /],
    ['compare', 400, /^territories: is required/],
    ['compare?territories=018110&indicators=NOPE', 404, /Indicator NOPE is not in snapshot/],
    ['gaps?indicator=DEM_POP', 400, /^indicator: DEM_POP is not a supply indicator with a target; use one of SUP\d+/],
    ['gaps?indicator=SUP01&level=provincia', 400, /^level: "provincia" is not allowed; use one of comune, ambito$/],
    ['export/values?level=nation', 400, /^level: "nation" is not allowed/],
    ['export/values?indicators=NOPE', 404, /Indicator NOPE is not in snapshot/],
    ['export/values?format=xlsx', 400, /^format: "xlsx" is not available here; use json, csv, arrow$/],
  ])('%s → %i', async (path, status, message) => {
    const { status: actual, body } = await getJson(`${server.url}/api/${path}`);
    expect(actual).toBe(status);
    expect(body.message).toMatch(message);
  });
});
