-- A user-defined group of current comuni ($group) summed on the fly for every wanted (indicator, year):
-- Σnumerator, Σdenominator over the members with data, how many have data, how many members there are.
-- Run only when a request has a group.
WITH wanted AS (
  SELECT unnest($indicators) AS indicator_code, unnest($years) AS year
),
group_member AS (
  SELECT DISTINCT unnest($group) AS comune
)
SELECT w.indicator_code, w.year,
       sum(p.numerator) AS numerator, sum(p.denominator) AS denominator,
       CAST(count(p.territory_code) AS INTEGER) AS comuni_with_data,
       CAST((SELECT count(*) FROM group_member) AS INTEGER) AS comuni_total,
       coalesce(bool_or(p.synthetic), false) AS synthetic
FROM wanted w
LEFT JOIN indicator_part p ON p.indicator_code = w.indicator_code AND p.year = w.year AND p.territory_code IN (SELECT comune FROM group_member)
GROUP BY w.indicator_code, w.year;
