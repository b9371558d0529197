-- A register that lists every service of a territory (descriptor `covers`) says, by leaving a comune of
-- that territory out, that the comune has none: 0 places, a value, not a gap. Each variable and year the
-- file gives gets a 0 for every current comune of the territory it does not list.
INSERT INTO obs_raw
SELECT $source_id, $file_id, NULL, c.code, NULL, g.year, g.variable, 'T', 0, NULL, 0
FROM (SELECT DISTINCT year, variable FROM obs_raw WHERE file_id = $file_id) g
CROSS JOIN territory c
JOIN territory p ON p.code = c.parent_code
WHERE c.level = 'comune' AND $covers IN (c.parent_code, p.parent_code)
  AND NOT EXISTS (SELECT 1 FROM obs_raw r WHERE r.file_id = $file_id AND r.year = g.year AND r.variable = g.variable AND r.code = c.code);
