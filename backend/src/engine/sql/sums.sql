-- The sums query of a streamed export (SumsRepository.stream); answers held in memory (values, profiles,
-- trends, comparisons, gaps) find these same targets in the per-snapshot lookups and run target-sums.sql,
-- which a spec checks gives the same rows as this. Σnumerator, Σdenominator,
-- comuni with data and in total, and whether any part is synthetic, for every target territory × every
-- wanted (indicator, year) pair, on harmonised boundaries (current comuni). A territory's sums are read from
-- indicator_aggregate (written by the ETL above the comune), a comune's from indicator_part, and a group
-- of comuni is summed from indicator_part.
--   $indicators, $years     parallel lists: pair i is ($indicators[i], $years[i]); rows come in pair order,
--                           benchmarks first, then by code
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
group_member AS (
  SELECT DISTINCT unnest($group) AS comune
),
sums AS (
  SELECT a.territory_code AS target, a.indicator_code, a.year, a.numerator, a.denominator, a.comuni_with_data, a.comuni_total, a.synthetic
  FROM indicator_aggregate a
  JOIN wanted w ON w.indicator_code = a.indicator_code AND w.year = a.year
  WHERE a.territory_code IN (SELECT code FROM target)
  UNION ALL
  SELECT p.territory_code, p.indicator_code, p.year, p.numerator, p.denominator, 1, 1, p.synthetic
  FROM indicator_part p
  JOIN wanted w ON w.indicator_code = p.indicator_code AND w.year = p.year
  WHERE p.territory_code IN (SELECT code FROM target)
  UNION ALL
  SELECT $group_code, w.indicator_code, w.year,
         sum(p.numerator), sum(p.denominator), CAST(count(p.territory_code) AS INTEGER),
         CAST((SELECT count(*) FROM group_member) AS INTEGER), coalesce(bool_or(p.synthetic), false)
  FROM wanted w
  LEFT JOIN indicator_part p ON p.indicator_code = w.indicator_code AND p.year = w.year AND p.territory_code IN (SELECT comune FROM group_member)
  WHERE len($group) > 0
  GROUP BY w.indicator_code, w.year
),
labelled AS (
  SELECT g.code, t.name, t.level, g.is_row FROM target g JOIN territory t ON t.code = g.code
  UNION ALL
  SELECT $group_code, $group_name, 'group', $group_is_row WHERE len($group) > 0
)
SELECT l.code, l.name, l.level, l.is_row, rb.benchmark_code,
       w.indicator_code, w.year,
       s.numerator, s.denominator,
       coalesce(s.comuni_with_data, 0) AS comuni_with_data,
       coalesce(s.comuni_total, CASE WHEN l.level = 'comune' THEN 1 ELSE 0 END) AS comuni_total,
       coalesce(s.synthetic, false) AS synthetic
FROM labelled l
CROSS JOIN wanted w
LEFT JOIN sums s ON s.target = l.code AND s.indicator_code = w.indicator_code AND s.year = w.year
LEFT JOIN row_benchmark rb ON rb.code = l.code
-- By pair, then code: ordering by name (COLLATE it) costs more than the query; callers sort by name.
ORDER BY w.pair, l.is_row, l.code;
