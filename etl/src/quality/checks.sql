-- Quality checks on a snapshot being built. They flag, they do not alter: a break in a series is a fact
-- users must see (e.g. the 2022 census rebase), not something to smooth away.

-- Year-on-year jumps of more than 5% (and 50 people) in a comune's residents.
INSERT INTO quality_issue
SELECT 'warning', 'series-break', cur.source_id, cur.territory_code, cur.year,
       printf('%s: residents went from %d (%d) to %d (%d), %+.1f%% in one year; check for a census rebase or a boundary change',
              t.name, prev.value::BIGINT, prev.year, cur.value::BIGINT, cur.year, (cur.value - prev.value) / prev.value * 100)
FROM observation cur
JOIN observation prev
  ON prev.territory_code = cur.territory_code AND prev.year = cur.year - 1
 AND prev.variable = cur.variable AND prev.sex = cur.sex AND prev.age_band = cur.age_band
JOIN territory t ON t.code = cur.territory_code
WHERE cur.variable = 'pop_res' AND cur.sex = 'T' AND cur.age_band = 'TOT' AND prev.value > 0
  AND abs(cur.value - prev.value) / prev.value > 0.05 AND abs(cur.value - prev.value) >= 50;

-- A source's age bands must add up to the total residents of the same comune, year and sex.
INSERT INTO quality_issue
SELECT 'warning', 'bands-total-mismatch', bands.source_id, bands.territory_code, bands.year,
       printf('age bands from %s add up to %d, but the total from %s is %d', bands.source_id, bands.value::BIGINT, total.source_id, total.value::BIGINT)
FROM (
  SELECT territory_code, year, variable, sex, source_id, sum(value) AS value
  FROM observation WHERE age_band <> 'TOT'
  GROUP BY ALL
) bands
JOIN observation total
  ON total.territory_code = bands.territory_code AND total.year = bands.year
 AND total.variable = bands.variable AND total.sex = bands.sex AND total.age_band = 'TOT'
WHERE bands.value <> total.value;

-- Men plus women must equal the total.
INSERT INTO quality_issue
SELECT 'warning', 'sex-total-mismatch', t.source_id, t.territory_code, t.year,
       printf('men %d + women %d = %d, but the total is %d', m.value::BIGINT, f.value::BIGINT, (m.value + f.value)::BIGINT, t.value::BIGINT)
FROM observation t
JOIN observation m USING (territory_code, year, variable, age_band)
JOIN observation f USING (territory_code, year, variable, age_band)
WHERE t.sex = 'T' AND m.sex = 'M' AND f.sex = 'F' AND m.value + f.value <> t.value;

-- Current comuni of a provincia with data for a year that others of that provincia have.
INSERT INTO quality_issue
SELECT 'info', 'missing-value', NULL, c.code, y.year,
       printf('%s has no residents value for %d while other comuni of its provincia do', c.name, y.year)
FROM territory c
JOIN (SELECT DISTINCT t.parent_code, o.year
      FROM observation o JOIN territory t ON t.code = o.territory_code
      WHERE o.variable = 'pop_res' AND o.sex = 'T' AND o.age_band = 'TOT') y ON y.parent_code = c.parent_code
WHERE c.level = 'comune'
  AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.territory_code = c.code AND o.year = y.year
                  AND o.variable = 'pop_res' AND o.sex = 'T' AND o.age_band = 'TOT');

-- Areas must be positive: a density on a zero or negative area is meaningless, so it is left out.
INSERT INTO quality_issue
SELECT 'warning', 'bad-area', area_source_id, code, NULL,
       printf('%s (%s) has an area of %s km² in the comuni list; its density is left out until the source is corrected', name, code, area_km2::VARCHAR)
FROM territory
WHERE level = 'comune' AND area_km2 <= 0;
