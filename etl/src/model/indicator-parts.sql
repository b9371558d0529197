-- Computes the additive parts of every catalogued indicator for every current comune and year from
-- value_resolved and the terms in indicator_term (one row per term of the catalogue). A comune-year is kept only when
-- every term of the indicator has a value: a missing input means "no data", never zero.

-- Each term's value where it exists: variable terms from observations (shifted by their lag),
-- attribute terms from the territory, for the comune-years where the indicator has any data.
CREATE TEMP TABLE term_value AS
WITH term AS (SELECT *, row_number() OVER () AS term_id FROM indicator_term),
variable_value AS MATERIALIZED (
  SELECT term.indicator_code, term.part, term.term_id, o.territory_code, o.year + term.lag AS year,
         term.sign * o.value AS value, s.synthetic, o.source_id
  FROM term
  JOIN value_resolved o ON o.variable = term.variable AND o.sex = term.sex AND o.band = term.age_band
  JOIN source s ON s.source_id = o.source_id
  WHERE term.attribute IS NULL
),
-- The comune-years of the indicators that also read a territory attribute.
candidate AS (
  SELECT DISTINCT indicator_code, territory_code, year FROM variable_value
  WHERE indicator_code IN (SELECT indicator_code FROM indicator_term WHERE attribute IS NOT NULL)
)
SELECT * FROM variable_value
UNION ALL
SELECT term.indicator_code, term.part, term.term_id, c.territory_code, c.year,
       term.sign * t.area_km2, coalesce(s.synthetic, false), t.area_source_id
FROM term
JOIN candidate c ON c.indicator_code = term.indicator_code
JOIN territory t ON t.code = c.territory_code
LEFT JOIN source s ON s.source_id = t.area_source_id
-- A non-positive area is a publishing error (flagged by the quality checks), not an area.
WHERE term.attribute = 'area_km2' AND t.area_km2 > 0;

CREATE TEMP TABLE complete_part AS
WITH terms_per_indicator AS (SELECT indicator_code, count(*) AS terms FROM indicator_term GROUP BY indicator_code)
SELECT v.indicator_code, v.territory_code, v.year,
       sum(v.value) FILTER (WHERE v.part = 'numerator') AS numerator,
       sum(v.value) FILTER (WHERE v.part = 'denominator') AS denominator,
       bool_or(v.synthetic) AS synthetic
FROM term_value v
JOIN terms_per_indicator n ON n.indicator_code = v.indicator_code
GROUP BY v.indicator_code, v.territory_code, v.year, n.terms
-- Each term gives at most one value per comune and year (value_resolved has one per key), so a count of
-- rows is the count of terms present.
HAVING count(*) = n.terms;

INSERT INTO indicator_part
SELECT indicator_code, territory_code, year, numerator, denominator, synthetic FROM complete_part
ORDER BY indicator_code, year, territory_code;

-- Which sources fed each indicator and year.
INSERT INTO indicator_source
SELECT DISTINCT v.indicator_code, v.year, v.source_id
FROM term_value v
JOIN complete_part p USING (indicator_code, territory_code, year);
