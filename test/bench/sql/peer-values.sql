-- The peer's one query: an indicator's values in one year for every territory of $level inside $parent,
-- and $parent itself (the benchmark), as Σnumerator ÷ Σdenominator × multiplier over the member comuni
-- with data (a plain count: Σnumerator when every comune has data), with what the peer needs for the
-- intervals, the comparison and the small-number flag (the indicator's CI method, polarity, minimum
-- denominator). What GET /api/indicators/{code}/values answers, written the way one would by hand against
-- the snapshot.
WITH target AS (
  SELECT t.code, t.name, t.code = $parent AS is_benchmark
  FROM territory t
  WHERE t.code = $parent
     OR (t.level = $level AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent))
),
sums AS (
  SELECT g.code, g.name, g.is_benchmark,
         sum(p.numerator) AS numerator,
         sum(p.denominator) AS denominator,
         count(p.territory_code) AS with_data,
         count(m.code) AS total,
         coalesce(bool_or(p.synthetic), false) AS synthetic
  FROM target g
  JOIN containment m ON m.container = g.code
  JOIN territory mt ON mt.code = m.code AND mt.level = 'comune'
  LEFT JOIN indicator_part p ON p.territory_code = m.code AND p.indicator_code = $code AND p.year = $year
  GROUP BY ALL
),
ind AS (
  SELECT CAST(json_extract(definition, '$.multiplier') AS DOUBLE) AS multiplier,
         json_type(definition, '$.denominator') = 'NULL' AS plain_count,
         definition ->> 'ci_method' AS ci_method,
         definition ->> 'polarity' AS polarity,
         coalesce(CAST(json_extract(definition, '$.min_denominator') AS DOUBLE), 100) AS min_denominator
  FROM indicator WHERE code = $code
)
SELECT s.code, s.name, s.is_benchmark, s.numerator, s.denominator,
       CASE WHEN s.with_data = 0 THEN NULL
            WHEN i.plain_count THEN CASE WHEN s.with_data = s.total THEN s.numerator END
            WHEN s.denominator = 0 THEN NULL
            ELSE s.numerator / s.denominator * i.multiplier END AS value,
       s.synthetic, CAST(s.with_data AS INTEGER) AS comuni_with_data, CAST(s.total AS INTEGER) AS comuni_total,
       i.multiplier, i.plain_count, i.ci_method, i.polarity, i.min_denominator
FROM sums s, ind i
ORDER BY s.is_benchmark, s.name COLLATE it, s.code;
