-- The sources an indicator's values for one year were computed from.
SELECT DISTINCT s.source_id, s.title, s.publisher, s.licence, s.url, s.synthetic
FROM indicator_source i
JOIN source s ON s.source_id = i.source_id
WHERE i.indicator_code = $code AND i.year = $year
ORDER BY s.title, s.source_id;
