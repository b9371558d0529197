import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { getJson } from '../testing/http.js';
import { csvText, italianNumber, parseItalianCsv } from '../testing/italian-csv.js';
import { SMALL_COUNT, smallCountServers } from '../testing/small-count-servers.js';
import type { TestServer } from '../testing/test-server.js';

// The district with 3 children under 12 in Colli Verdi (018193) in 2021: under the default threshold of 5.
const SMALL = SMALL_COUNT;
const COLLI_VERDI = '018193';
const servers = smallCountServers();

interface JsonRow {
  indicator: string;
  year: number;
  unit: string | null;
  code: string;
  name: string;
  level: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  ci95: { lower: number; upper: number } | null;
  smallNumber: boolean;
  suppressed: boolean;
  synthetic: boolean;
  comuniWithData: number;
  comuniTotal: number;
}

async function exported(server: TestServer, query: string) {
  const path = `/api/export/values?${query}`;
  const json = (await (await fetch(`${server.url}${path}&format=json`)).json()) as { rows: JsonRow[] };
  const arrowResponse = await fetch(`${server.url}${path}&format=arrow`);
  expect(arrowResponse.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
  const table = tableFromIPC(new Uint8Array(await arrowResponse.arrayBuffer()));
  const arrow = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
  const csv = parseItalianCsv(csvText(await (await fetch(`${server.url}${path}&format=csv`)).arrayBuffer()));
  return { json: json.rows, arrow, csv, table };
}

/** A JSON row as the Arrow stream spells it (flat interval, nulls for missing numbers). */
const asArrow = (r: JsonRow) => ({
  indicator: r.indicator,
  year: r.year,
  unit: r.unit,
  code: r.code,
  name: r.name,
  level: r.level,
  numerator: r.numerator,
  denominator: r.denominator,
  value: r.value,
  ci95_lower: r.ci95?.lower ?? null,
  ci95_upper: r.ci95?.upper ?? null,
  smallNumber: r.smallNumber,
  suppressed: r.suppressed,
  synthetic: r.synthetic,
  comuniWithData: r.comuniWithData,
  comuniTotal: r.comuniTotal,
});

describe.each([
  ['public', () => servers.public()],
  ['office', () => servers.office()],
])('the export for the %s', (_, server) => {
  it.each(['level=comune', 'level=provincia', 'level=comune&parent=PV-T2&years=2019-2021'])('gives every row of the JSON answer, field by field, in the Arrow stream and the CSV (%s)', async (query) => {
    const { json, arrow, csv } = await exported(server(), query);
    expect(json.length).toBeGreaterThan(0);
    expect(arrow).toEqual(json.map(asArrow));
    expect(csv.rows).toHaveLength(json.length);
    const at = (name: string) => csv.header.indexOf(name);
    json.forEach((row, i) => {
      const line = csv.rows[i]!;
      expect([line[at('indicator')], Number(line[at('year')]), line[at('code')], line[at('name')], line[at('level')]]).toEqual([row.indicator, row.year, row.code, row.name, row.level]);
      const number = (name: string) => (line[at(name)] === '' ? null : italianNumber(line[at(name)]!));
      expect([number('numerator'), number('denominator'), number('value'), number('ci95_lower')]).toEqual([row.numerator, row.denominator, row.value, row.ci95?.lower ?? null]);
      expect(line[at('suppressed')]).toBe(String(row.suppressed));
    });
  });
});

describe('suppression in the Arrow export', () => {
  it('hides from the public every cell the values endpoint hides, and shows the office the count', async () => {
    const query = 'level=comune&indicators=DEM_U12&years=2021';
    const pub = (await exported(servers.public(), query)).arrow;
    const office = (await exported(servers.office(), query)).arrow;
    expect(office.find((r) => r.code === COLLI_VERDI)).toMatchObject({ numerator: SMALL, suppressed: false });
    expect(pub.find((r) => r.code === COLLI_VERDI)).toMatchObject({ numerator: null, value: null, ci95_lower: null, suppressed: true });
    const { body } = await getJson(`${servers.public().url}/api/indicators/DEM_U12/values?level=comune&year=2021`);
    const hiddenByValues = body.rows.filter((r: { suppressed: boolean }) => r.suppressed).map((r: { code: string }) => r.code).sort();
    expect(hiddenByValues.length).toBeGreaterThan(1); // the small cell and the sibling that protects it
    expect(pub.filter((r) => r.suppressed).map((r) => r.code).sort()).toEqual(hiddenByValues);
    // No published numerator of the public export is a count under the threshold.
    expect(pub.filter((r) => r.numerator !== null && (r.numerator as number) < 5)).toEqual([]);
  });

  it('sends repeated strings as dictionaries', async () => {
    const { table } = await exported(servers.public(), 'level=comune');
    for (const name of ['indicator', 'unit', 'code', 'name', 'level']) expect(table.schema.fields.find((f) => f.name === name)!.typeId, name).toBe(-1); // Type.Dictionary
  });
});
