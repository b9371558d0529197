-- Stores the indicator parts of the view complete_part (indicator-parts.ts) and which sources fed each
-- indicator and year.

-- In complete_part's order, which is indicator_part's (indicator, year, comune; indicator-parts.ts).
INSERT INTO indicator_part
SELECT indicator_code, territory_code, year, numerator, denominator, synthetic FROM complete_part;

INSERT INTO indicator_source
SELECT p.indicator_code, p.year, s.source_id
FROM (SELECT DISTINCT indicator_code, year, unnest(sources) AS src FROM complete_part) p
JOIN source_index s USING (src);
