-- The indicator catalogue in its order, each indicator with the years that have values, ascending, and
-- whether it is available in this snapshot (and why not).
SELECT i.code,
       i.position,
       CAST(i.definition AS VARCHAR) AS definition,
       coalesce(y.years, CAST([] AS INTEGER[])) AS years,
       i.available,
       i.unavailable_reason_it,
       i.unavailable_reason_en
FROM indicator i
LEFT JOIN (
  SELECT indicator_code, list(year ORDER BY year) AS years
  FROM (SELECT DISTINCT indicator_code, year FROM indicator_part)
  GROUP BY indicator_code
) y ON y.indicator_code = i.code
ORDER BY i.position;
