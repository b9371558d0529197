import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { booleanColumn, float64Column, int32Column, StringDictionary } from './duckdb-columns.js';
import { PreparedConnection } from './prepared-connection.js';

// Several chunks (DuckDB hands over 2,048 rows at a time) of codes that repeat and runs that break, short
// (inline) and long strings, accents, nulls in every column, integers held as BIGINT.
const SQL = `
  SELECT i,
         CASE WHEN i % 97 = 0 THEN NULL ELSE 'C' || lpad(CAST(i % 300 AS VARCHAR), 6, '0') END AS code,
         CASE WHEN i % 300 = 7 THEN 'Città di ' || repeat('Castello ', 1 + i % 300 % 5) ELSE 'Comune ' || CAST(i % 300 AS VARCHAR) END AS name,
         'IND_' || CAST(i // 1500 AS VARCHAR) AS indicator,
         CASE WHEN i % 11 = 0 THEN NULL ELSE i / 7.0 END AS x,
         CAST(i AS DOUBLE) AS whole,
         CASE WHEN i % 13 = 0 THEN NULL ELSE CAST(i AS INTEGER) END AS n,
         CAST(i * 3 AS BIGINT) AS big,
         CASE WHEN i % 17 = 0 THEN NULL ELSE i % 3 = 0 END AS flag
  FROM range(10000) r(i) ORDER BY i`;

let instance: DuckDBInstance;
let connection: PreparedConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = new PreparedConnection(await instance.connect());
});
afterAll(() => {
  connection?.close();
  instance?.closeSync();
});

it('reads every column as DuckDB gives it cell by cell, across chunks, with one dictionary growing over them', async () => {
  const codes = new StringDictionary();
  const names = new StringDictionary();
  const indicators = new StringDictionary();
  let rows = 0;
  let chunks = 0;
  for await (const chunk of connection.stream(SQL)) {
    chunks += 1;
    const c = chunk.columns;
    const cells = (name: string) => Array.from({ length: chunk.length }, (_, i) => c[name]!.getItem(i));
    const decoded = (dictionary: StringDictionary, name: string) => [...dictionary.encode(c[name]!)].map((k) => (k < 0 ? null : dictionary.values[k]));
    expect(decoded(codes, 'code')).toEqual(cells('code'));
    expect(decoded(names, 'name')).toEqual(cells('name'));
    expect(decoded(indicators, 'indicator')).toEqual(cells('indicator'));
    expect([...float64Column(c.x!)]).toEqual(cells('x').map((v) => (v === null ? Number.NaN : v)));
    expect([...float64Column(c.whole!)]).toEqual(cells('whole'));
    expect([...int32Column(c.n!)]).toEqual(cells('n').map((v) => v ?? 0));
    expect([...int32Column(c.big!)]).toEqual(cells('big').map(Number));
    expect([...float64Column(c.big!)]).toEqual(cells('big').map(Number));
    expect([...booleanColumn(c.flag!)]).toEqual(cells('flag').map((v) => (v === true ? 1 : 0)));
    rows += chunk.length;
  }
  expect(chunks).toBeGreaterThan(3);
  expect(rows).toBe(10_000);
  // Each distinct string once.
  expect(codes.values).toHaveLength(300);
  expect(new Set(names.values).size).toBe(names.values.length);
  expect(indicators.values).toEqual(['IND_0', 'IND_1', 'IND_2', 'IND_3', 'IND_4', 'IND_5', 'IND_6']);
});
