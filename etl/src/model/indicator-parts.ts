/**
 * The SQL that computes every catalogued indicator's additive parts per current comune and year from
 * resolved_wide (one row per comune and year, a column per value key; value-keys.ts): each indicator is
 * column arithmetic on that row, its lagged terms read from the row of `lag` years before. A comune-year is
 * kept only when every term of the indicator has a value: a missing input means "no data", never zero.
 * Writes part_input and the view complete_part (with the sources each part read); indicator-parts.sql stores it.
 */
import type { Indicator, IndicatorTerm } from '../catalog/indicators.js';
import { keyColumn, sourceColumn, type ValueKey } from './value-keys.js';

interface Operand {
  /** The value, or NULL where the term has none. */
  readonly value: string;
  /** The source's number (source_index.src), or NULL where the value has no source. */
  readonly source: string;
  readonly sign: 1 | -1;
}

const termsOf = (indicator: Indicator): IndicatorTerm[] => [...indicator.numerator, ...(indicator.denominator ?? [])];

export function indicatorPartsSql(indicators: readonly Indicator[], keys: readonly ValueKey[], syntheticSources: readonly number[]): string {
  const keyOf = new Map(keys.map((k) => [`${k.variable}|${k.sex}|${k.band}`, k]));
  const lags = new Set<number>([0]);
  /** part_input's columns read from resolved_wide: l<lag>_k<key> ← l<lag>.k<key>. */
  const read = new Map<string, string>();
  let readsArea = false;
  const operand = (term: IndicatorTerm): Operand => {
    if ('attribute' in term) {
      readsArea = true;
      return { value: 'area_km2', source: 'area_src', sign: term.sign };
    }
    const key = keyOf.get(`${term.variable}|${term.sex}|${term.age_band}`);
    if (key === undefined) throw new Error(`indicator term ${term.variable} ${term.sex} ${term.age_band} has no value key`);
    lags.add(term.lag);
    const [value, source] = [keyColumn(key.key), sourceColumn(key.key)].map((column) => {
      read.set(`l${term.lag}_${column}`, `l${term.lag}.${column}`);
      return `l${term.lag}_${column}`;
    }) as [string, string];
    return { value, source, sign: term.sign };
  };

  const synthetic = (source: string) => (syntheticSources.length === 0 ? 'false' : `coalesce(${source} IN (${syntheticSources.join(', ')}), false)`);
  const sum = (operands: readonly Operand[]) => operands.map((o, i) => `${o.sign === -1 ? '-' : i === 0 ? '' : '+ '}${o.value}`).join(' ');
  // complete_part comes out in the order indicator_part is stored (indicator, year, comune: see schema.sql):
  // the indicators one after another in code order, each over part_input in (year, comune) order. Sorting
  // 80 thousand comune-years here is far cheaper than sorting a row per indicator of each of them.
  const byCode = [...indicators].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const selects = byCode.flatMap((indicator) => {
    const numerator = indicator.numerator.map(operand);
    const denominator = indicator.denominator?.map(operand) ?? null;
    const all = [...numerator, ...(denominator ?? [])];
    // An indicator of territory attributes alone has no comune-years to be computed for.
    if (termsOf(indicator).every((term) => 'attribute' in term)) return [];
    const code = indicator.code.replaceAll("'", "''");
    return [`SELECT '${code}' AS indicator_code, territory_code, year, ${sum(numerator)} AS numerator, ${denominator === null ? 'CAST(NULL AS DOUBLE)' : sum(denominator)} AS denominator,
      ${[...new Set(all.map((o) => synthetic(o.source)))].join(' OR ')} AS synthetic, [${[...new Set(all.map((o) => o.source))].join(', ')}] AS sources
    FROM part_input WHERE ${[...new Set(all.map((o) => `${o.value} IS NOT NULL`))].join(' AND ')}`];
  });

  const lagList = [...lags].sort((a, b) => a - b);
  const joins = lagList.filter((lag) => lag > 0).map((lag) => `LEFT JOIN resolved_wide l${lag} ON l${lag}.territory_code = l0.territory_code AND l${lag}.year = l0.year - ${lag}`);
  // The comune-years to compute are those with values (l0), and, for an indicator whose every value term
  // is lagged, the years its lags reach.
  const everyIndicatorReadsItsYear = indicators.every((indicator) => {
    const lagsRead = termsOf(indicator).flatMap((term) => ('attribute' in term ? [] : [term.lag]));
    return lagsRead.length === 0 || lagsRead.includes(0);
  });
  const base = everyIndicatorReadsItsYear
    ? 'resolved_wide'
    : `(SELECT y.territory_code, y.year, r.* EXCLUDE (territory_code, year) FROM (${lagList.map((lag) => `SELECT territory_code, year + ${lag} AS year FROM resolved_wide`).join(' UNION ')}) y LEFT JOIN resolved_wide r USING (territory_code, year))`;
  // A non-positive area is a publishing error (flagged by the quality checks), not an area.
  const area = readsArea
    ? `, CASE WHEN t.area_km2 > 0 THEN t.area_km2 END AS area_km2, a.src AS area_src`
    : '';
  const areaJoin = readsArea ? `\n    LEFT JOIN territory t ON t.code = l0.territory_code\n    LEFT JOIN source_index a ON a.source_id = t.area_source_id` : '';
  const partInput = `CREATE OR REPLACE TEMP TABLE part_input AS
    SELECT l0.territory_code, l0.year${[...read].map(([name, column]) => `, ${column} AS ${name}`).join('')}${area}
    FROM ${base} l0
    ${joins.join('\n    ')}${areaJoin}
    ORDER BY l0.year, l0.territory_code`;
  // A view, not a table: indicator-parts.sql reads it twice (the parts, and the sources without the parts),
  // and storing its 1.4 million rows once more, with a list of sources each, costs more than computing it twice.
  const parts = `CREATE OR REPLACE TEMP VIEW complete_part AS
    SELECT indicator_code, territory_code, year, numerator, denominator, synthetic, sources FROM (
    ${selects.length === 0 ? 'SELECT CAST(NULL AS VARCHAR) AS indicator_code, CAST(NULL AS VARCHAR) AS territory_code, CAST(NULL AS INTEGER) AS year, CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, CAST(NULL AS BOOLEAN) AS synthetic, CAST([] AS SMALLINT[]) AS sources WHERE false' : selects.join('\n    UNION ALL\n    ')})`;
  return `${partInput};\n${parts};\n`;
}
