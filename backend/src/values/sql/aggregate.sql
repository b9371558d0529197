-- One indicator in one year, for every territory of $level inside $parent (anywhere when NULL) and for
-- $parent itself (the benchmark): Σnumerator and Σdenominator over its member comuni that have a row
-- in indicator_part, with how many of its comuni have one. Territories without data are kept.
WITH target AS (
  SELECT t.code, t.name, false AS is_benchmark
  FROM territory t
  WHERE t.level = $level
    AND ($parent IS NULL OR (t.code <> $parent AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent)))
  UNION ALL
  SELECT t.code, t.name, true AS is_benchmark
  FROM territory t
  WHERE t.code = $parent
),
member AS (
  SELECT c.container, c.code AS comune_code
  FROM containment c
  JOIN territory t ON t.code = c.code AND t.level = 'comune'
  WHERE c.container IN (SELECT code FROM target)
),
part AS (
  SELECT territory_code, numerator, denominator, synthetic
  FROM indicator_part
  WHERE indicator_code = $code AND year = $year
)
SELECT g.code, g.name, g.is_benchmark,
       sum(p.numerator) AS numerator,
       sum(p.denominator) AS denominator,
       CAST(count(p.territory_code) AS INTEGER) AS comuni_with_data,
       CAST(count(m.comune_code) AS INTEGER) AS comuni_total,
       coalesce(bool_or(p.synthetic), false) AS synthetic
FROM target g
LEFT JOIN member m ON m.container = g.code
LEFT JOIN part p ON p.territory_code = m.comune_code
GROUP BY g.code, g.name, g.is_benchmark
ORDER BY g.is_benchmark, g.name COLLATE it, g.code;
