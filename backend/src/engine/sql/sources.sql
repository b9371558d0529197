-- Which sources every indicator's values of every year were computed from, loaded once per snapshot.
SELECT DISTINCT i.indicator_code, i.year, s.source_id, s.title, s.publisher, s.licence, s.url, s.synthetic
FROM indicator_source i
JOIN source s ON s.source_id = i.source_id
ORDER BY s.title, s.source_id;
