/**
 * The values the indicators read, as keys: each requested variable × sex × age band gets a number, and
 * the load works on one column per key (k0, k1, …) while it resolves values and computes indicator
 * parts, instead of one row per value. Keys, bands and variables come from the validated catalogue and
 * datasets/age_bands.yaml, never from a request, so they are written into the SQL this module makes.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { OPEN_AGE } from '../catalog/age-bands.js';

export interface ValueKey {
  readonly key: number;
  readonly variable: string;
  readonly sex: 'T' | 'M' | 'F';
  readonly band: string;
}

/**
 * Numbers every requested value (requested_value joined to age_band) into the snapshot's value_key, with
 * its band's age mask, and returns them.
 */
export async function numberValueKeys(connection: DuckDBConnection): Promise<ValueKey[]> {
  await connection.run(`INSERT INTO value_key
    SELECT CAST(row_number() OVER (ORDER BY r.variable, r.sex, r.band) - 1 AS INTEGER), r.variable, r.sex, r.band,
           list_transform(range(0, ${OPEN_AGE + 1}), age -> CASE WHEN age >= b.age_from AND age <= coalesce(b.age_to, ${OPEN_AGE}) THEN 1.0 ELSE 0.0 END)
    FROM (SELECT DISTINCT variable, sex, band FROM requested_value) r JOIN age_band b ON b.code = r.band`);
  const rows = (await connection.runAndReadAll('SELECT key, variable, sex, band FROM value_key ORDER BY key')).getRows();
  return rows.map(([key, variable, sex, band]) => {
    const valueKey = { key: Number(key), variable: String(variable), sex: String(sex) as ValueKey['sex'], band: String(band) };
    if (!/^[a-z][a-z0-9_]*$/.test(valueKey.variable) || !['T', 'M', 'F'].includes(valueKey.sex) || !/^(TOT|Y\d{1,3}-(\d{1,3})?)$/.test(valueKey.band)) {
      throw new Error(`value key ${valueKey.variable} ${valueKey.sex} ${valueKey.band} is not a validated variable, sex and band`);
    }
    return valueKey;
  });
}

export const keyColumn = (key: number) => `k${key}`;
export const sourceColumn = (key: number) => `s${key}`;

/**
 * derived_wide: every row of observation_ages, with its source's number (source_index.src) and the keys of
 * its variable summed from its single ages, one column per key (NULL for the keys of other variables), as
 * the view value_resolved sums them: the vector's dot product with the key's age mask (value_key.mask; no
 * slice is allocated per row), T adding men and women.
 */
export function derivedWideSql(keys: readonly ValueKey[]): string {
  const columns = keys.map((key) => {
    const mask = `(SELECT mask FROM value_key WHERE key = ${key.key})`;
    const sum = (vector: 'male' | 'female') => `list_dot_product(${vector}, ${mask})`;
    const value = key.sex === 'M' ? sum('male') : key.sex === 'F' ? sum('female') : `${sum('male')} + ${sum('female')}`;
    return `CASE WHEN variable = '${key.variable}' THEN ${value} END AS ${keyColumn(key.key)}`;
  });
  return `CREATE OR REPLACE TEMP TABLE derived_wide AS
    SELECT territory_code, year, variable, source_id, s.src${columns.map((c) => `,\n      ${c}`).join('')}
    FROM observation_ages JOIN source_index s USING (source_id)`;
}

/**
 * resolved_wide: the resolved values (derive.sql) as one row per comune and year, with each key's value
 * (k…) and source's number (s…): the single ages of uncontested comune-year-variables straight from
 * derived_wide, the few others (resolved_other, derive.sql) turned from rows into columns (resolved_other_wide).
 * No key is given twice for a comune and year, so max() only gathers them, and only where a comune-year has
 * more than one such row (several variables by single age, or some values resolved otherwise): nearly every
 * comune-year has one, and is kept as it is rather than grouped on 80 columns. A view: part_input
 * (indicator-parts.ts), its only reader, stores what it needs.
 */
export function resolvedWideSql(keys: readonly ValueKey[]): string {
  const derived = keys.flatMap((key) => [keyColumn(key.key), `CASE WHEN ${keyColumn(key.key)} IS NOT NULL THEN src END AS ${sourceColumn(key.key)}`]);
  const pivoted = keys.flatMap((key) => [`"${key.key}_k" AS ${keyColumn(key.key)}`, `"${key.key}_s" AS ${sourceColumn(key.key)}`]);
  const otherWide = keys.length === 0
    ? 'SELECT territory_code, year FROM resolved_other GROUP BY territory_code, year'
    : `SELECT territory_code, year${pivoted.map((c) => `, ${c}`).join('')}
    FROM (PIVOT (SELECT territory_code, year, key, value, src FROM resolved_other) ON key IN (${keys.map((key) => key.key).join(', ')})
          USING max(value) AS k, max(src) AS s GROUP BY territory_code, year)`;
  return `CREATE OR REPLACE TEMP TABLE resolved_other_wide AS
    ${otherWide};
CREATE OR REPLACE TEMP VIEW resolved_wide AS
    WITH given AS NOT MATERIALIZED (
      SELECT territory_code, year${derived.map((c) => `, ${c}`).join('')}
      FROM derived_wide ANTI JOIN contested_ages USING (territory_code, year, variable)
      UNION ALL BY NAME
      SELECT * FROM resolved_other_wide
    ),
    shared AS (
      SELECT territory_code, year
      FROM (SELECT territory_code, year FROM derived_wide ANTI JOIN contested_ages USING (territory_code, year, variable)
            UNION ALL
            SELECT territory_code, year FROM resolved_other_wide)
      GROUP BY territory_code, year HAVING count(*) > 1
    )
    SELECT * FROM given ANTI JOIN shared USING (territory_code, year)
    UNION ALL BY NAME
    SELECT territory_code, year${keys.length === 0 ? '' : `, max(COLUMNS('^[ks]\\d+$'))`}
    FROM (SELECT * FROM given SEMI JOIN shared USING (territory_code, year))
    GROUP BY territory_code, year`;
}
