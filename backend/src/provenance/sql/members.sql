-- The comuni of $territory (itself, for a comune) on the reference date, and how many of them have the
-- indicator's parts in $year: only those are summed into its value.
SELECT CAST(count(*) AS INTEGER) AS comuni_total,
       CAST(count(p.territory_code) AS INTEGER) AS comuni_with_data
FROM containment c
JOIN territory t ON t.code = c.code AND t.level = 'comune'
LEFT JOIN indicator_part p ON p.territory_code = c.code AND p.indicator_code = $indicator AND p.year = $year
WHERE c.container = $territory;
