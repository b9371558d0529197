-- An area term of an indicator's value for $territory in $year: the areas of its comuni that have the
-- indicator's parts in $year, summed per source of the area (territory.area_source_id).
SELECT t.area_source_id AS source_id,
       sum(t.area_km2) AS value,
       CAST(count(*) AS INTEGER) AS comuni
FROM containment c
JOIN territory t ON t.code = c.code AND t.level = 'comune'
JOIN indicator_part p ON p.territory_code = c.code AND p.indicator_code = $indicator AND p.year = $year
WHERE c.container = $territory AND t.area_km2 > 0
GROUP BY t.area_source_id
ORDER BY t.area_source_id;
