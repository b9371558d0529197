-- Stores the indicator parts computed into complete_part (indicator-parts.ts) and which sources fed each
-- indicator and year.

INSERT INTO indicator_part
SELECT indicator_code, territory_code, year, numerator, denominator, synthetic FROM complete_part
ORDER BY indicator_code, year, territory_code;

INSERT INTO indicator_source
SELECT p.indicator_code, p.year, s.source_id
FROM (SELECT DISTINCT indicator_code, year, unnest(sources) AS src FROM complete_part) p
JOIN source_index s USING (src);
