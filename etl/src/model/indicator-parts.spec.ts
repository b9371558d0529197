import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { indicatorSchema, type Indicator } from '../catalog/indicators.js';
import { runStatements } from '../db/sql-file.js';
import { indicatorPartsSql } from './indicator-parts.js';
import type { ValueKey } from './value-keys.js';

const text = { it: 'x', en: 'x' };
const indicator = (code: string, numerator: unknown[], denominator: unknown[] | null): Indicator =>
  indicatorSchema.parse({ code, name: text, area: 'trasversale', unit: text, multiplier: 100, decimals: 1, polarity: 'neither', description: text, source_notes: text, caveats: text, ci_method: 'none', min_denominator: 0, numerator, denominator });

const keys: ValueKey[] = [
  { key: 0, variable: 'pop_res', sex: 'T', band: 'TOT' },
  { key: 1, variable: 'pop_res', sex: 'T', band: 'Y65-' },
];

/** resolved_wide for two comuni: A in 2020–2022, B in 2022 only; source 2 is synthetic. */
async function fixture() {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`CREATE TEMP TABLE resolved_wide AS SELECT * FROM (VALUES
    ('A', 2020, 100.0, 1::SMALLINT, 20.0, 1::SMALLINT),
    ('A', 2021, 110.0, 1::SMALLINT, 25.0, 1::SMALLINT),
    ('A', 2022, 120.0, 1::SMALLINT, NULL, NULL),
    ('B', 2022,  50.0, 2::SMALLINT, 10.0, 2::SMALLINT)) t(territory_code, year, k0, s0, k1, s1)`);
  await c.run(`CREATE TEMP TABLE territory AS SELECT * FROM (VALUES ('A', 2.5, 'areas'), ('B', -1.0, 'areas')) t(code, area_km2, area_source_id)`);
  await c.run(`CREATE TEMP TABLE source_index AS SELECT * FROM (VALUES ('posas', 1::SMALLINT, false), ('demo', 2::SMALLINT, true), ('areas', 3::SMALLINT, false)) t(source_id, src, synthetic)`);
  return { c, close: () => { c.closeSync(); instance.closeSync(); } };
}

async function parts(indicators: Indicator[]) {
  const { c, close } = await fixture();
  try {
    await runStatements(c, indicatorPartsSql(indicators, keys, [2]));
    return (await c.runAndReadAll(`SELECT indicator_code, territory_code, year, numerator, denominator, synthetic, list_sort(list_distinct(sources)) AS sources FROM complete_part ORDER BY ALL`)).getRowObjectsJS();
  } finally {
    close();
  }
}

describe('indicator parts from resolved values (indicatorPartsSql)', () => {
  it('sums signed terms, reads lagged terms from earlier years, and keeps only comune-years with every term', async () => {
    const change = indicator('VAR', [{ variable: 'pop_res' }, { variable: 'pop_res', lag: 1, sign: -1 }], [{ variable: 'pop_res', lag: 1 }]);
    const old = indicator('OLD', [{ variable: 'pop_res', age_band: 'Y65-' }], [{ variable: 'pop_res' }]);
    expect(await parts([change, old])).toEqual([
      { indicator_code: 'OLD', territory_code: 'A', year: 2020, numerator: 20, denominator: 100, synthetic: false, sources: [1] },
      { indicator_code: 'OLD', territory_code: 'A', year: 2021, numerator: 25, denominator: 110, synthetic: false, sources: [1] },
      { indicator_code: 'OLD', territory_code: 'B', year: 2022, numerator: 10, denominator: 50, synthetic: true, sources: [2] },
      // 2020 has no year before it, and B none at all: no row, not a zero.
      { indicator_code: 'VAR', territory_code: 'A', year: 2021, numerator: 110 - 100, denominator: 100, synthetic: false, sources: [1] },
      { indicator_code: 'VAR', territory_code: 'A', year: 2022, numerator: 120 - 110, denominator: 110, synthetic: false, sources: [1] },
    ]);
  });

  it('computes an indicator whose terms are all lagged for the years the lags reach', async () => {
    const lagged = indicator('LAG', [{ variable: 'pop_res', lag: 2 }], null);
    expect(await parts([lagged])).toEqual([
      { indicator_code: 'LAG', territory_code: 'A', year: 2022, numerator: 100, denominator: null, synthetic: false, sources: [1] },
      { indicator_code: 'LAG', territory_code: 'A', year: 2023, numerator: 110, denominator: null, synthetic: false, sources: [1] },
      { indicator_code: 'LAG', territory_code: 'A', year: 2024, numerator: 120, denominator: null, synthetic: false, sources: [1] },
      { indicator_code: 'LAG', territory_code: 'B', year: 2024, numerator: 50, denominator: null, synthetic: true, sources: [2] },
    ]);
  });

  it('reads an attribute for the years a lagged term reaches', async () => {
    const laggedDensity = indicator('LDENS', [{ variable: 'pop_res', lag: 2 }], [{ attribute: 'area_km2' }]);
    expect(await parts([laggedDensity])).toEqual([2022, 2023, 2024].map((year, i) => (
      { indicator_code: 'LDENS', territory_code: 'A', year, numerator: [100, 110, 120][i], denominator: 2.5, synthetic: false, sources: [1, 3] })));
  });

  it('reads a territory attribute with its source, and leaves out a non-positive area', async () => {
    const density = indicator('DENS', [{ variable: 'pop_res' }], [{ attribute: 'area_km2' }]);
    expect(await parts([density])).toEqual([
      { indicator_code: 'DENS', territory_code: 'A', year: 2020, numerator: 100, denominator: 2.5, synthetic: false, sources: [1, 3] },
      { indicator_code: 'DENS', territory_code: 'A', year: 2021, numerator: 110, denominator: 2.5, synthetic: false, sources: [1, 3] },
      { indicator_code: 'DENS', territory_code: 'A', year: 2022, numerator: 120, denominator: 2.5, synthetic: false, sources: [1, 3] },
    ]);
  });

  it('writes the parts in the order indicator_part is stored (indicator, year, comune), whatever the order of the catalogue and of the values', async () => {
    const { c, close } = await fixture();
    try {
      await c.run('CREATE OR REPLACE TEMP TABLE resolved_wide AS SELECT * FROM resolved_wide ORDER BY territory_code DESC, year DESC');
      const old = indicator('OLD', [{ variable: 'pop_res', age_band: 'Y65-' }], [{ variable: 'pop_res' }]);
      const all = indicator('ALL', [{ variable: 'pop_res' }], null);
      await runStatements(c, indicatorPartsSql([old, all], keys, [2]));
      const stored = (await c.runAndReadAll('SELECT indicator_code, year, territory_code FROM complete_part')).getRows();
      expect(stored).toEqual([
        ['ALL', 2020, 'A'], ['ALL', 2021, 'A'], ['ALL', 2022, 'A'], ['ALL', 2022, 'B'],
        ['OLD', 2020, 'A'], ['OLD', 2021, 'A'], ['OLD', 2022, 'B'],
      ]);
    } finally {
      close();
    }
  });
});

