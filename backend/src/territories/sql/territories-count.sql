-- How many territories territories.sql would list without $limit and $offset.
SELECT CAST(count(*) AS INTEGER) AS total
FROM territory t
WHERE ($level IS NULL OR t.level = $level)
  AND ($parent IS NULL OR (t.code <> $parent AND t.code IN (SELECT c.code FROM containment c WHERE c.container = $parent)));
