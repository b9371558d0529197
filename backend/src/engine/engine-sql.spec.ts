import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtData } from '../testing/district-fixture.js';
import { buildFixtureSnapshot, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { GROUP_CODE, SUMS_COLUMNS, SumsRepository, type PeerSpreadRow, type SumsQuery, type SumsRow } from './sums.repository.js';
import { SnapshotLookups, type IndicatorSourceRow, type TerritoryEntry } from './snapshot-lookups.js';
import { loadSql } from '../core/sql.js';
import { PreparedConnection } from '../core/prepared-connection.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';

// Each .sql of the engine, run on a snapshot the ETL built from the district fixture: its result columns and
// their JavaScript types must be those of the row type the code reads.
let snapshot: FixtureSnapshot;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
let reader: SnapshotReader;
beforeAll(async () => {
  snapshot = await buildFixtureSnapshot({ data: districtData() });
  instance = await DuckDBInstance.create(snapshot.file, { access_mode: 'READ_ONLY' });
  connection = await instance.connect();
  // A reader over this file that binds parameters (lists included) as the pool does: with its connection.
  const prepared = new PreparedConnection(connection);
  reader = {
    info: { id: snapshot.id } as SnapshotReader['info'],
    catalogue: undefined as never,
    query: (sql, params) => prepared.query(sql, params),
    stream: (sql, params) => prepared.stream(sql, params),
  };
});
afterAll(async () => {
  connection?.closeSync();
  instance?.closeSync();
  await snapshot?.remove();
});

const jsType = (value: unknown) => (value === null ? 'null' : typeof value);

describe('sums.sql', () => {
  it('gives the columns of SumsRow, with the types the code reads', async () => {
    const rows = await new SumsRepository(new SnapshotLookups()).sums(reader, {
      pairs: [{ indicator: 'DEM_U12', year: 2021 }, { indicator: 'DEM_POP', year: 2020 }],
      level: 'comune',
      parent: '018',
      extra: ['018'],
      benchmarkLevel: 'ambito',
      group: { code: GROUP_CODE, name: 'g', comuni: ['018110', '019036'], isRow: true },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(SUMS_COLUMNS);
    const pavia = rows.find((r) => r.code === '018110' && r.indicator_code === 'DEM_U12')!;
    const expected: Record<keyof SumsRow, string> = { code: 'string', name: 'string', level: 'string', is_row: 'boolean', benchmark_code: 'string', indicator_code: 'string', year: 'number', numerator: 'number', denominator: 'number', comuni_with_data: 'number', comuni_total: 'number', synthetic: 'boolean' };
    expect(Object.fromEntries(Object.entries(pavia).map(([k, v]) => [k, jsType(v)]))).toEqual(expected);
  });
});

describe('target-sums.sql and group-sums.sql', () => {
  // sums() finds its territories in the snapshot's lookups and asks DuckDB for the sums only; stream() runs
  // sums.sql, which finds, labels and orders them in SQL. Every kind of question must get the same rows.
  const streamed = async (repository: SumsRepository, query: SumsQuery) => {
    const rows: Record<string, unknown>[] = [];
    for await (const chunk of repository.stream(reader, query)) {
      for (let i = 0; i < chunk.length; i += 1) rows.push(Object.fromEntries(SUMS_COLUMNS.map((c) => [c, chunk.columns[c]!.getItem(i)])));
    }
    return rows;
  };
  const pairs = [
    { indicator: 'DEM_U12', year: 2021 },
    { indicator: 'DEM_POP', year: 2018 },
    { indicator: 'DEM_POP', year: 2021 },
    // A year without data: no row in indicator_part or indicator_aggregate, for any territory.
    { indicator: 'DEM_U12', year: 2030 },
  ];
  const group = (isRow: boolean) => ({ code: GROUP_CODE, name: 'Gruppo di 3 comuni', comuni: ['018110', '019036', '018110', '018193'], isRow });
  const questions: Record<string, SumsQuery> = {
    'comuni of a provincia, the provincia as benchmark': { pairs, level: 'comune', parent: '018', extra: ['018'] },
    'comuni of an ambito, their own provincia as benchmark': { pairs, level: 'comune', parent: 'PV-T2', benchmarkLevel: 'provincia' },
    'every comune, each against its ambito': { pairs, level: 'comune', parent: null, benchmarkLevel: 'ambito' },
    'ambiti of a regione, against Italy': { pairs, level: 'ambito', parent: '03', extra: ['IT'] },
    'province of Italy, each against its regione': { pairs, level: 'provincia', parent: 'IT', benchmarkLevel: 'regione' },
    'territories by code, unknown and repeated codes among them': { pairs, codes: ['018110', '019', 'XX999', '018110', 'PV-T1'], extra: ['IT', 'nowhere'] },
    'a code that is also a row of the level': { pairs, level: 'comune', parent: '018', codes: ['018110'], extra: ['018110'] },
    'a group among the comuni, the provincia as benchmark': { pairs, level: 'comune', parent: '018', extra: ['018'], group: group(true) },
    'a group as the benchmark only': { pairs, codes: ['018110', '019036'], group: group(false) },
    'a group alone': { pairs, group: group(true) },
    'no territory at all': { pairs, codes: ['XX999'] },
  };
  for (const [question, query] of Object.entries(questions)) {
    it(`give the rows of sums.sql: ${question}`, async () => {
      const repository = new SumsRepository(new SnapshotLookups());
      const rows = await repository.sums(reader, query);
      expect(rows).toEqual(await streamed(repository, query));
      if (question !== 'no territory at all') expect(rows.some((r) => r.numerator !== null)).toBe(true);
    });
  }

  it('containment.sql gives each container with a territory inside it, never itself', async () => {
    const rows = await reader.query<{ container: string; code: string }>(loadSql(new URL('./snapshot-lookups.js', import.meta.url).href, 'containment.sql'));
    expect(rows).toContainEqual({ container: 'PV-T2', code: '018177' });
    expect(rows).toContainEqual({ container: 'IT', code: '018' });
    expect(rows.filter((r) => r.container === r.code)).toEqual([]);
  });
});

describe('peer-spread.sql', () => {
  it('gives the columns of PeerSpreadRow, numbers all', async () => {
    const rows = await new SumsRepository(new SnapshotLookups()).peerSpread(reader, { pairs: [{ indicator: 'DEM_U12', year: 2021, multiplier: 100, plainCount: false }], level: 'comune', parent: '018', hideBelow: 5 });
    expect(rows).toHaveLength(1);
    const expected: Record<keyof PeerSpreadRow, string> = { pair: 'number', min: 'number', q1: 'number', median: 'number', q3: 'number', max: 'number', n: 'number' };
    expect(Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, jsType(v)]))).toEqual(expected);
    expect(rows[0]!.pair).toBe(1);
  });
});

describe('territories.sql and sources.sql', () => {
  it('give the columns of TerritoryEntry and IndicatorSourceRow', async () => {
    const territories = await reader.query<TerritoryEntry>(loadSql(new URL('./snapshot-lookups.js', import.meta.url).href, 'territories.sql'));
    const vigevano = territories.find((t) => t.code === '018177')!;
    expect(vigevano).toEqual({ code: '018177', name: 'Vigevano', level: 'comune', parent_code: '018', ambito_code: 'PV-T2' });
    const sources = await reader.query<IndicatorSourceRow>(loadSql(new URL('./snapshot-lookups.js', import.meta.url).href, 'sources.sql'));
    expect(Object.keys(sources[0]!).sort()).toEqual(['indicator_code', 'year', 'source_id', 'title', 'publisher', 'licence', 'url', 'synthetic'].sort());
    expect(typeof sources[0]!.year).toBe('number');
  });
});
