-- Sums of every indicator's parts for every territory above the comune (Ambito, provincia, regione, IT) and every indicator-year with data, written once here so that the API reads a territory's sums as
-- one row instead of joining containment on every request. Every territory with member comuni gets a row
-- for every indicator-year: where none of its comuni has data, comuni_with_data is 0 and the sums NULL.
-- Read by the API (backend/src/engine/sql/sums.sql); Σnumerator ÷ Σdenominator × multiplier is the value.
INSERT INTO indicator_aggregate
WITH member AS (
  SELECT c.container AS territory_code, c.code AS comune
  FROM containment c
  JOIN territory t ON t.code = c.code AND t.level = 'comune'
  -- A comune's own sums are its indicator_part rows: not written twice.
  JOIN territory k ON k.code = c.container AND k.level <> 'comune'
),
size AS (
  SELECT territory_code, CAST(count(*) AS INTEGER) AS comuni_total FROM member GROUP BY territory_code
),
pair AS (
  SELECT DISTINCT indicator_code, year FROM indicator_part
),
sums AS (
  SELECT p.indicator_code, m.territory_code, p.year,
         sum(p.numerator) AS numerator,
         sum(p.denominator) AS denominator,
         CAST(count(*) AS INTEGER) AS comuni_with_data,
         bool_or(p.synthetic) AS synthetic
  FROM member m
  JOIN indicator_part p ON p.territory_code = m.comune
  GROUP BY p.indicator_code, m.territory_code, p.year
)
SELECT pr.indicator_code, s.territory_code, pr.year,
       x.numerator, x.denominator,
       coalesce(x.comuni_with_data, 0) AS comuni_with_data,
       s.comuni_total,
       coalesce(x.synthetic, false) AS synthetic
FROM pair pr
CROSS JOIN size s
LEFT JOIN sums x ON x.indicator_code = pr.indicator_code AND x.year = pr.year AND x.territory_code = s.territory_code
ORDER BY pr.indicator_code, pr.year, s.territory_code;
