-- Computes the additive parts of every catalogued indicator for every current comune and year from
-- the terms in indicator_term (one row per term of the catalogue). A comune-year is kept only when
-- every term has a value: a missing input means "no data", never zero.
INSERT INTO indicator_part
WITH years AS (SELECT DISTINCT year FROM observation),
comuni AS (
  SELECT t.code, t.area_km2, t.area_source_id, s.synthetic AS area_synthetic
  FROM territory t LEFT JOIN source s ON s.source_id = t.area_source_id
  WHERE t.level = 'comune'
),
term_values AS (
  SELECT
    term.indicator_code,
    term.part,
    c.code AS territory_code,
    y.year,
    term.sign * CASE WHEN term.attribute = 'area_km2' THEN c.area_km2 ELSE o.value END AS value,
    CASE WHEN term.attribute IS NULL THEN s.synthetic ELSE c.area_synthetic END AS synthetic
  FROM indicator_term term
  CROSS JOIN comuni c
  CROSS JOIN years y
  LEFT JOIN observation o
    ON term.attribute IS NULL
   AND o.territory_code = c.code
   AND o.year = y.year - term.lag
   AND o.variable = term.variable
   AND o.sex = term.sex
   AND o.age_band = term.age_band
  LEFT JOIN source s ON s.source_id = o.source_id
),
per_comune AS (
  SELECT
    indicator_code, territory_code, year,
    sum(value) FILTER (WHERE part = 'numerator') AS numerator,
    sum(value) FILTER (WHERE part = 'denominator') AS denominator,
    count(*) FILTER (WHERE value IS NULL) AS missing_terms,
    bool_or(coalesce(synthetic, false)) AS synthetic
  FROM term_values
  GROUP BY ALL
)
SELECT indicator_code, territory_code, year, numerator, denominator, synthetic
FROM per_comune
WHERE missing_terms = 0;

-- Which sources fed each indicator and year (attribute terms credit the territory source).
INSERT INTO indicator_source
SELECT DISTINCT p.indicator_code, p.year, coalesce(o.source_id, t.area_source_id) AS source_id
FROM indicator_part p
JOIN indicator_term term ON term.indicator_code = p.indicator_code
JOIN territory t ON t.code = p.territory_code
LEFT JOIN observation o
  ON term.attribute IS NULL
 AND o.territory_code = p.territory_code
 AND o.year = p.year - term.lag
 AND o.variable = term.variable
 AND o.sex = term.sex
 AND o.age_band = term.age_band;
