-- The one query behind values, profiles, trends, comparisons, gaps and exports: Σnumerator, Σdenominator,
-- comuni with data and in total, and whether any part is synthetic, for every target territory × every
-- wanted (indicator, year) pair. Values are on harmonised boundaries (indicator_part is keyed on current
-- comuni), summed over each target's member comuni through `containment`.
--   $indicators, $years     parallel lists: pair i is ($indicators[i], $years[i]); rows come in pair order
--   $level, $parent         the territories of $level inside $parent (anywhere when $parent is NULL); no
--                           such rows when $level is NULL
--   $codes                  more target territories, of any level
--   $extra                  territories wanted only as benchmarks (is_row false)
--   $benchmark_level        when given, each row's own container of that level (benchmark_code), also summed
--   $group, $group_code,    a user-defined group of current comuni summed on the fly as one target named
--   $group_name, $group_is_row   $group_name (no group when $group is empty)
WITH wanted AS (
  SELECT i AS pair, $indicators[i] AS indicator_code, $years[i] AS year
  FROM range(1, len($indicators) + 1) r(i)
),
chosen AS (
  SELECT t.code, true AS is_row
  FROM territory t
  WHERE $level IS NOT NULL AND t.level = $level
    AND ($parent IS NULL OR (t.code <> $parent AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent)))
  UNION ALL
  SELECT t.code, true FROM territory t WHERE t.code IN (SELECT unnest($codes))
  UNION ALL
  SELECT t.code, false FROM territory t WHERE t.code IN (SELECT unnest($extra))
),
row_benchmark AS (
  SELECT c.code, min(c.container) AS benchmark_code
  FROM containment c
  JOIN territory b ON b.code = c.container
  WHERE $benchmark_level IS NOT NULL AND b.level = $benchmark_level AND c.container <> c.code
    AND c.code IN (SELECT code FROM chosen WHERE is_row)
  GROUP BY c.code
),
target AS (
  SELECT code, bool_or(is_row) AS is_row
  FROM (SELECT code, is_row FROM chosen UNION ALL SELECT benchmark_code, false FROM row_benchmark)
  GROUP BY code
),
member AS (
  SELECT c.container AS target, c.code AS comune
  FROM containment c
  JOIN territory t ON t.code = c.code AND t.level = 'comune'
  WHERE c.container IN (SELECT code FROM target)
  UNION ALL
  SELECT DISTINCT $group_code, g.comune FROM (SELECT unnest($group) AS comune) g
),
part AS (
  SELECT p.indicator_code, p.year, p.territory_code, p.numerator, p.denominator, p.synthetic
  FROM indicator_part p
  JOIN wanted w ON w.indicator_code = p.indicator_code AND w.year = p.year
),
sums AS (
  SELECT m.target, p.indicator_code, p.year,
         sum(p.numerator) AS numerator,
         sum(p.denominator) AS denominator,
         count(*) AS comuni_with_data,
         bool_or(p.synthetic) AS synthetic
  FROM member m
  JOIN part p ON p.territory_code = m.comune
  GROUP BY m.target, p.indicator_code, p.year
),
totals AS (
  SELECT target, count(*) AS comuni_total FROM member GROUP BY target
),
labelled AS (
  SELECT g.code, t.name, t.level, g.is_row FROM target g JOIN territory t ON t.code = g.code
  UNION ALL
  SELECT $group_code, $group_name, 'group', $group_is_row WHERE len($group) > 0
)
SELECT l.code, l.name, l.level, l.is_row, rb.benchmark_code,
       w.indicator_code, w.year,
       s.numerator, s.denominator,
       CAST(coalesce(s.comuni_with_data, 0) AS INTEGER) AS comuni_with_data,
       CAST(coalesce(n.comuni_total, 0) AS INTEGER) AS comuni_total,
       coalesce(s.synthetic, false) AS synthetic
FROM labelled l
CROSS JOIN wanted w
LEFT JOIN sums s ON s.target = l.code AND s.indicator_code = w.indicator_code AND s.year = w.year
LEFT JOIN totals n ON n.target = l.code
LEFT JOIN row_benchmark rb ON rb.code = l.code
ORDER BY w.pair, l.is_row, l.name COLLATE it, l.code;
