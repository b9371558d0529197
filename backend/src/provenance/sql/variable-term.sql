-- One variable term of an indicator's value for $territory in $year: the resolved values of $data_year
-- ($year − the term's lag) of its comuni that have the indicator's parts in $year, summed per source,
-- with the comuni whose value sums codes as published other than their own (a merger's old codes).
WITH member AS (
  SELECT c.code
  FROM containment c
  JOIN territory t ON t.code = c.code AND t.level = 'comune'
  JOIN indicator_part p ON p.territory_code = c.code AND p.indicator_code = $indicator AND p.year = $year
  WHERE c.container = $territory
),
contribution AS (
  SELECT v.territory_code, v.value, v.source_id, v.derived, o.source_codes
  FROM value_resolved v
  JOIN member m ON m.code = v.territory_code
  LEFT JOIN observation_origin o ON o.territory_code = v.territory_code AND o.year = v.year AND o.source_id = v.source_id
  WHERE v.year = $data_year AND v.variable = $variable AND v.sex = $sex AND v.band = $band
)
SELECT c.source_id,
       sum(c.value) AS value,
       CAST(count(*) AS INTEGER) AS comuni,
       bool_or(c.derived) AS derived,
       list({'code': c.territory_code, 'name': t.name, 'source_codes': c.source_codes} ORDER BY c.territory_code)
         FILTER (WHERE c.source_codes IS NOT NULL AND c.source_codes <> [c.territory_code]) AS merged
FROM contribution c
JOIN territory t ON t.code = c.territory_code
GROUP BY c.source_id
ORDER BY c.source_id;
