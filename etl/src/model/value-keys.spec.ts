import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runStatements } from '../db/sql-file.js';
import { resolvedWideSql, type ValueKey } from './value-keys.js';

const keys: ValueKey[] = [
  { key: 0, variable: 'pop_res', sex: 'T', band: 'TOT' },
  { key: 1, variable: 'pop_str', sex: 'T', band: 'TOT' },
  { key: 2, variable: 'irpef_contribuenti', sex: 'T', band: 'TOT' },
];

/**
 * derived_wide, contested_ages and resolved_other (derive.sql) for three comuni in 2020:
 * A has residents and foreign residents by single age (two rows to gather), B residents by single age and
 * taxpayers as published (one row and one resolved otherwise), C residents by single age contested, so
 * resolved otherwise, and nothing else.
 */
async function resolvedWide(): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`CREATE TEMP TABLE derived_wide AS SELECT * FROM (VALUES
      ('A', 2020, 'pop_res', 'posas', 1::SMALLINT, 100.0, NULL::DOUBLE, NULL::DOUBLE),
      ('A', 2020, 'pop_str', 'strasa', 2::SMALLINT, NULL, 7.0, NULL),
      ('B', 2020, 'pop_res', 'posas', 1::SMALLINT, 50.0, NULL, NULL),
      ('C', 2020, 'pop_res', 'posas', 1::SMALLINT, 30.0, NULL, NULL)) t(territory_code, year, variable, source_id, src, k0, k1, k2)`);
    await c.run(`CREATE TEMP TABLE contested_ages AS SELECT * FROM (VALUES ('C', 2020, 'pop_res')) t(territory_code, year, variable)`);
    await c.run(`CREATE TEMP TABLE resolved_other AS SELECT * FROM (VALUES
      ('B', 2020, 2, 40.0, 'mef', 3::SMALLINT, false),
      ('C', 2020, 0, 31.0, 'census', 4::SMALLINT, false)) t(territory_code, year, key, value, source_id, src, derived)`);
    await runStatements(c, resolvedWideSql(keys));
    return (await c.runAndReadAll('SELECT territory_code, year, k0, s0, k1, s1, k2, s2 FROM resolved_wide ORDER BY territory_code')).getRowObjectsJS();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

describe('resolved values as one row per comune and year (resolvedWideSql)', () => {
  it('gathers the rows of a comune-year into one, and keeps a comune-year given once as it is', async () => {
    expect(await resolvedWide()).toEqual([
      { territory_code: 'A', year: 2020, k0: 100, s0: 1, k1: 7, s1: 2, k2: null, s2: null },
      { territory_code: 'B', year: 2020, k0: 50, s0: 1, k1: null, s1: null, k2: 40, s2: 3 },
      // The contested residents by single age are left out: the value resolved otherwise stands.
      { territory_code: 'C', year: 2020, k0: 31, s0: 4, k1: null, s1: null, k2: null, s2: null },
    ]);
  });
});
