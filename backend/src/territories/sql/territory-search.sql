-- Territories of $level (every level when NULL) inside $parent (anywhere when NULL) whose name, or for a
-- comune one of its former names (comune_history, traced through crosswalk onto today's comune),
-- contains $q, ignoring case, accents and the kind of apostrophe. One row per territory: a match on the
-- current name is preferred, and then the earliest in the name. Names that start with $q come first.
WITH needle AS (
  SELECT strip_accents(lower(replace($q, '’', ''''))) AS q
),
names AS (
  SELECT t.code, t.name, CAST(NULL AS VARCHAR) AS former_name FROM territory t WHERE t.level <> 'italia'
  UNION ALL
  SELECT COALESCE(x.new_code, h.code), h.name, h.name
  FROM comune_history h LEFT JOIN crosswalk x ON x.old_code = h.code AND NOT x.split
),
hits AS (
  SELECT n.code, n.former_name,
         strpos(strip_accents(lower(replace(n.name, '’', ''''))), needle.q) AS at,
         row_number() OVER (PARTITION BY n.code ORDER BY n.former_name IS NOT NULL, strpos(strip_accents(lower(replace(n.name, '’', ''''))), needle.q)) AS pick
  FROM names n, needle
  WHERE contains(strip_accents(lower(replace(n.name, '’', ''''))), needle.q)
)
SELECT t.code, t.name, t.level, t.parent_code,
       CAST(t.valid_from AS VARCHAR) AS valid_from,
       CAST(t.valid_to AS VARCHAR) AS valid_to,
       t.area_km2,
       -- A former name that differs from today's only in case or accents says nothing new.
       CASE WHEN h.former_name IS NULL OR strip_accents(lower(h.former_name)) = strip_accents(lower(t.name)) THEN NULL ELSE h.former_name END AS former_name
FROM hits h JOIN territory t ON t.code = h.code
WHERE h.pick = 1
  AND ($level IS NULL OR t.level = $level)
  AND ($parent IS NULL OR (t.code <> $parent AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent)))
ORDER BY h.at <> 1, list_position(['italia', 'regione', 'provincia', 'ambito', 'comune'], t.level), t.name COLLATE it, t.code
LIMIT $limit;
