import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PreparedConnection } from './prepared-connection.js';

// A real DuckDB database in memory, with a small table the queries read.
let instance: DuckDBInstance;
let connection: PreparedConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  await setup.run("CREATE TABLE t AS SELECT i AS n, 'row ' || i AS label FROM range(1, 6) r(i)");
  setup.closeSync();
  connection = new PreparedConnection(await instance.connect());
});
afterAll(() => {
  connection?.close();
  instance?.closeSync();
});

const BY_N = 'SELECT CAST(n AS INTEGER) AS n, label FROM t WHERE n = $n';

it('binds each query of the same text anew', async () => {
  expect(await connection.query(BY_N, { n: 2 })).toEqual([{ n: 2, label: 'row 2' }]);
  expect(await connection.query(BY_N, { n: 4 })).toEqual([{ n: 4, label: 'row 4' }]);
  expect(await connection.query(BY_N, { n: 9 })).toEqual([]);
});

it('refuses a query that leaves a parameter out, though an earlier one of the same text gave it', async () => {
  const text = 'SELECT $a + $b AS total';
  expect(await connection.query(text, { a: 1, b: 2 })).toEqual([{ total: 3 }]);
  await expect(connection.query(text, { a: 5 })).rejects.toThrow();
  expect(await connection.query(text, { a: 5, b: 1 })).toEqual([{ total: 6 }]);
});

it('binds a parameter with the type of its value on each query', async () => {
  const text = 'SELECT $x * 2 AS twice, $s IS NULL AS no_text';
  expect(await connection.query(text, { x: 3, s: 'a' })).toEqual([{ twice: 6, no_text: false }]);
  // 1.25 would become 1 if it were bound with the INTEGER type of the first query.
  expect(await connection.query(text, { x: 1.25, s: null })).toEqual([{ twice: 2.5, no_text: true }]);
});

it('gives queries of the same text run at the same time their own answers', async () => {
  const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => connection.query<{ n: number }>(BY_N, { n })));
  expect(answers.map((rows) => rows.map((r) => r.n))).toEqual([[1], [2], [3], [4], [5]]);
});

it('runs a text of several statements whole, every time', async () => {
  const text = "SET VARIABLE greeting = 'ciao'; SELECT getvariable('greeting') || ' ' || $who AS said";
  expect(await connection.query(text, { who: 'Pavia' })).toEqual([{ said: 'ciao Pavia' }]);
  expect(await connection.query(text, { who: 'Vigevano' })).toEqual([{ said: 'ciao Vigevano' }]);
});

it('reports bad SQL on every query, not only the first', async () => {
  await expect(connection.query('SELECT FROM nowhere WHERE', {})).rejects.toThrow(/syntax/i);
  await expect(connection.query('SELECT FROM nowhere WHERE', {})).rejects.toThrow(/syntax/i);
});

it('binds lists of whole numbers, of other numbers and of text, the type following the values each time', async () => {
  const numbers = 'SELECT CAST(count(*) AS INTEGER) AS matched, list_sort($xs) AS xs FROM t WHERE list_contains($xs, n)';
  expect(await connection.query(numbers, { xs: [1, 3] })).toEqual([{ matched: 2, xs: [1, 3] }]);
  // Bound as INTEGER[] like the query before, 2.5 would become a whole number and match row 2 or 3.
  expect(await connection.query(numbers, { xs: [2.5, 4] })).toEqual([{ matched: 1, xs: [2.5, 4] }]);
  const labels = 'SELECT CAST(count(*) AS INTEGER) AS matched FROM t WHERE list_contains($xs, label)';
  expect(await connection.query(labels, { xs: ['row 2', 'row 5', 'row 9'] })).toEqual([{ matched: 2 }]);
  expect(await connection.query(labels, { xs: [] })).toEqual([{ matched: 0 }]);
});

it('streams a result too big for one chunk, every row once, in order', async () => {
  let rows = 0;
  let sum = 0n;
  let previous = -1n;
  let ordered = true;
  for await (const chunk of connection.stream('SELECT i FROM range($n) r(i) ORDER BY i', { n: 10_000 })) {
    const column = Array.from({ length: chunk.length }, (_, k) => chunk.columns.i!.getItem(k) as bigint);
    expect(column).toHaveLength(chunk.length);
    for (const value of column) {
      ordered &&= value > previous;
      previous = value;
      sum += value;
    }
    rows += chunk.length;
  }
  expect({ rows, sum, ordered }).toEqual({ rows: 10_000, sum: BigInt((9_999 * 10_000) / 2), ordered: true });
});
