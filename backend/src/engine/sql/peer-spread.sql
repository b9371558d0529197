-- The spread of the peers' values for a spine chart, for each wanted (indicator, year): the territories of
-- $level inside $parent (itself excluded) with a value; min, quartiles and max by linear interpolation
-- (quantile_cont), and how many peers had a value. Summed here rather than sent to the API as thousands
-- of rows. Values as value-math.ts computes them: Σnumerator ÷ Σdenominator × multiplier, or for a plain
-- count ($plain[i] = 1) Σnumerator when every comune has data. A peer whose count is from 1 to
-- $hide_below − 1 is left out, so that a suppressed count never shows as the min or the max.
WITH wanted AS (
  SELECT i AS pair, $indicators[i] AS indicator_code, $years[i] AS year, $multipliers[i] AS multiplier, $plain[i] = 1 AS plain
  FROM range(1, len($indicators) + 1) r(i)
),
peer AS (
  SELECT t.code FROM territory t
  WHERE t.level = $level AND t.code <> $parent
    AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent)
),
peer_value AS (
  SELECT w.pair,
         CASE WHEN w.plain THEN CASE WHEN a.comuni_with_data = a.comuni_total THEN a.numerator END
              ELSE a.numerator / nullif(a.denominator, 0) * w.multiplier END AS value
  FROM (SELECT indicator_code, territory_code, year, numerator, denominator, comuni_with_data, comuni_total FROM indicator_aggregate
        WHERE $level <> 'comune'
        UNION ALL
        -- A comune's sums are its indicator_part row.
        SELECT indicator_code, territory_code, year, numerator, denominator, 1, 1 FROM indicator_part
        WHERE $level = 'comune') a
  JOIN wanted w ON w.indicator_code = a.indicator_code AND w.year = a.year
  WHERE a.territory_code IN (SELECT code FROM peer)
    AND a.comuni_with_data > 0
    AND NOT (a.numerator > 0 AND a.numerator < $hide_below)
)
-- The three quartiles from one sort of each pair's values (a list of fractions), not three.
SELECT CAST(pair AS INTEGER) AS pair, min, quartiles[1] AS q1, quartiles[2] AS median, quartiles[3] AS q3, max, n
FROM (
  SELECT pair, min(value) AS min, quantile_cont(value, [0.25, 0.5, 0.75]) AS quartiles, max(value) AS max, CAST(count(value) AS INTEGER) AS n
  FROM peer_value
  WHERE value IS NOT NULL
  GROUP BY pair
)
ORDER BY pair;
