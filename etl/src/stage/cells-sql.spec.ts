/** The SQL cell rules (sql/cells.sql) that every observation file is checked by, run in DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSqlBeside, runStatements } from '../db/sql-file.js';
import { formatNote, numberPatternSource, type NumberFormat } from '../sources/cells.js';

const plain = { decimal: '.' } as const;
const italian = { decimal: ',', thousands: '.' } as const;

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await runStatements(connection, readSqlBeside(import.meta.url, 'sql/cells.sql'));
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** A count cell of column "pop_res_19" as the layouts read it: its rule (null when good), value and explanation. */
async function count(text: string, format: NumberFormat): Promise<{ rule: string | null; value: number | null; explanation: string | null }> {
  const reader = await connection.runAndReadAll(
    `SELECT count_problem($t, $pattern) AS rule,
            CASE WHEN count_problem($t, $pattern) IS NULL THEN count_value($t, $pattern, $thousands) END AS value,
            CASE WHEN count_problem($t, $pattern) IS NOT NULL THEN count_explanation($t, 'pop_res_19', count_problem($t, $pattern), $note) END AS explanation`,
    { t: text, pattern: numberPatternSource(format), thousands: format.thousands ?? '', note: formatNote(format) },
  );
  return reader.getRowObjectsJS()[0] as { rule: string | null; value: number | null; explanation: string | null };
}

describe('count cells', () => {
  it('reads whole numbers, also written as floats or with a thousands separator', async () => {
    expect((await count('70971', plain)).value).toBe(70971);
    expect((await count('2562.0', plain)).value).toBe(2562);
    expect((await count('2.644', italian)).value).toBe(2644);
    expect((await count('1.234.567', italian)).value).toBe(1234567);
    expect((await count('0', plain)).value).toBe(0);
  });

  it('refuses an empty cell as not a number', async () => {
    expect(await count('', plain)).toEqual({ rule: 'not-a-number', value: null, explanation: 'the cell in column "pop_res_19" is empty; expected a non-negative whole number' });
  });

  it('refuses text, with the column and what was expected', async () => {
    expect(await count('abc', plain)).toEqual({ rule: 'not-a-number', value: null, explanation: '"abc" in column "pop_res_19" is not a number; expected a non-negative whole number' });
  });

  it('refuses negative counts and fractions', async () => {
    expect((await count('-3', plain)).rule).toBe('negative-count');
    expect((await count('-0', plain)).rule).toBeNull();
    expect((await count('12.5', plain)).rule).toBe('not-a-whole-number');
  });

  it('refuses separators other than those declared', async () => {
    const wrong = await count('1,234,567', italian);
    expect(wrong.rule).toBe('not-a-number');
    expect(wrong.explanation).toContain("(decimal separator ',', thousands separator '.', as declared in parse)");
    expect((await count('2.644', plain)).rule).toBe('not-a-whole-number');
  });
});

describe('amount cells', () => {
  it('reads decimal amounts with the declared separators, and refuses negative ones', async () => {
    const amount = async (text: string) =>
      (await connection.runAndReadAll(
        `SELECT amount_problem($t, $pattern) AS rule, CASE WHEN amount_problem($t, $pattern) IS NULL THEN amount_value($t, $pattern, $thousands) END AS value`,
        { t: text, pattern: numberPatternSource(italian), thousands: '.' },
      )).getRowObjectsJS()[0];
    expect(await amount('1.234.567,89')).toEqual({ rule: null, value: 1234567.89 });
    expect(await amount('-5,5')).toEqual({ rule: 'negative-amount', value: null });
    expect(await amount('')).toEqual({ rule: 'not-a-number', value: null });
  });
});
