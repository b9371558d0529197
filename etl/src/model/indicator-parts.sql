-- Computes the additive parts of every catalogued indicator for every current comune and year from
-- value_resolved and the terms in indicator_term (one row per term of the catalogue). A comune-year is kept only when
-- every term of the indicator has a value: a missing input means "no data", never zero.

-- Each source as one bit, so that the sources feeding a part travel through the sums as a bit mask
-- (128 bits: a load of more sources stops here, saying so).
CREATE OR REPLACE TEMP TABLE source_bit AS
SELECT source_id, synthetic, CAST(1 AS UHUGEINT) << CAST(row_number() OVER (ORDER BY source_id) - 1 AS UHUGEINT) AS bit
FROM source;

SELECT error(printf('a load of %d sources is more than the 128 that indicator-parts.sql can credit', count(*))) FROM source HAVING count(*) > 128;

-- Each term's value where it exists, summed per indicator, comune and year in one pass: variable terms
-- from value_resolved (shifted by their lag), attribute terms from the territory for the comune-years
-- where the indicator has any variable term. Each term gives at most one value per comune and year
-- (value_resolved has one per key), so the count of rows is the count of terms present.
CREATE OR REPLACE TEMP TABLE complete_part AS
WITH term AS (SELECT *, count(*) OVER (PARTITION BY indicator_code) AS terms FROM indicator_term),
variable_value AS (
  SELECT term.indicator_code, term.part, term.terms, o.territory_code, o.year + term.lag AS year,
         term.sign * o.value AS value, s.synthetic, s.bit
  FROM term
  JOIN value_resolved o ON o.variable = term.variable AND o.sex = term.sex AND o.band = term.age_band
  JOIN source_bit s ON s.source_id = o.source_id
  WHERE term.attribute IS NULL
),
attribute_value AS (
  SELECT term.indicator_code, term.part, term.terms, c.territory_code, c.year,
         term.sign * t.area_km2 AS value, coalesce(s.synthetic, false) AS synthetic, coalesce(s.bit, 0) AS bit
  FROM term
  JOIN (SELECT DISTINCT v.indicator_code, o.territory_code, o.year + v.lag AS year
        FROM indicator_term v JOIN value_resolved o ON o.variable = v.variable AND o.sex = v.sex AND o.band = v.age_band
        WHERE v.attribute IS NULL AND v.indicator_code IN (SELECT indicator_code FROM indicator_term WHERE attribute IS NOT NULL)) c
    ON c.indicator_code = term.indicator_code
  JOIN territory t ON t.code = c.territory_code
  LEFT JOIN source_bit s ON s.source_id = t.area_source_id
  -- A non-positive area is a publishing error (flagged by the quality checks), not an area.
  WHERE term.attribute = 'area_km2' AND t.area_km2 > 0
)
SELECT indicator_code, territory_code, year,
       sum(value) FILTER (WHERE part = 'numerator') AS numerator,
       sum(value) FILTER (WHERE part = 'denominator') AS denominator,
       bool_or(synthetic) AS synthetic,
       bit_or(bit) AS sources
FROM (SELECT * FROM variable_value UNION ALL SELECT * FROM attribute_value)
GROUP BY indicator_code, territory_code, year, terms
HAVING count(*) = terms;

INSERT INTO indicator_part
SELECT indicator_code, territory_code, year, numerator, denominator, synthetic FROM complete_part
ORDER BY indicator_code, year, territory_code;

-- Which sources fed each indicator and year.
INSERT INTO indicator_source
SELECT p.indicator_code, p.year, s.source_id
FROM (SELECT indicator_code, year, bit_or(sources) AS sources FROM complete_part GROUP BY ALL) p
JOIN source_bit s ON p.sources & s.bit <> 0;
