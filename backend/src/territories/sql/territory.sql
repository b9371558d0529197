-- One territory by code.
SELECT t.code, t.name, t.level, t.parent_code,
       CAST(t.valid_from AS VARCHAR) AS valid_from,
       CAST(t.valid_to AS VARCHAR) AS valid_to,
       t.area_km2
FROM territory t
WHERE t.code = $code;
