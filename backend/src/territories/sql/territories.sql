-- Territories of $level (every level when NULL) inside $parent (anywhere when NULL), by level then name;
-- $limit rows from $offset (territories-count.sql counts them all).
SELECT t.code, t.name, t.level, t.parent_code,
       CAST(t.valid_from AS VARCHAR) AS valid_from,
       CAST(t.valid_to AS VARCHAR) AS valid_to,
       t.area_km2
FROM territory t
WHERE ($level IS NULL OR t.level = $level)
  AND ($parent IS NULL OR (t.code <> $parent AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent)))
ORDER BY list_position(['italia', 'regione', 'provincia', 'ambito', 'comune'], t.level), t.name COLLATE it, t.code
LIMIT $limit OFFSET $offset;
