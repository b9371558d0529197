-- Which territories each territory contains (itself included): through the parent chain (comune →
-- provincia → regione → IT, ambito → provincia) and, for an Ambito, its members valid on the
-- snapshot's reference date. Materialised once here so that every API query is a plain join.
INSERT INTO containment
WITH RECURSIVE ancestry(code, ancestor) AS (
  SELECT code, code FROM territory
  UNION
  SELECT a.code, t.parent_code
  FROM ancestry a
  JOIN territory t ON t.code = a.ancestor
  WHERE t.parent_code IS NOT NULL
),
reference AS (
  SELECT CAST(value AS DATE) AS day FROM snapshot_meta WHERE key = 'reference_date'
)
SELECT ancestor AS container, code FROM ancestry
UNION
SELECT m.ambito_code, m.comune_code
FROM ambito_member m, reference r
WHERE m.valid_from <= r.day AND (m.valid_to IS NULL OR m.valid_to >= r.day);
