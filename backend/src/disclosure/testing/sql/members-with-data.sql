-- The attacker's view of one indicator and year: every territory a public answer can show (each comune
-- and every container), with each comune whose parts it sums.
SELECT c.container AS territory, c.code AS comune
FROM containment c
JOIN territory t ON t.code = c.code AND t.level = 'comune'
JOIN indicator_part p ON p.territory_code = c.code AND p.indicator_code = $code AND p.year = $year
ORDER BY c.container, c.code;
