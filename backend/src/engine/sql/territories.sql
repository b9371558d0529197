-- Every territory of the snapshot with its parent and, for a comune, its Ambito on the reference date;
-- loaded once per snapshot.
SELECT t.code, t.name, t.level, t.parent_code, a.ambito_code
FROM territory t
LEFT JOIN (
  SELECT c.code, min(c.container) AS ambito_code
  FROM containment c
  JOIN territory x ON x.code = c.container AND x.level = 'ambito'
  WHERE c.code <> c.container
  GROUP BY c.code
) a ON a.code = t.code;
