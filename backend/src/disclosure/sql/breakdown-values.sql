-- The breakdowns (sex, band) of one count variable in one year that answers publish, for every comune that
-- has them: the cells of one suppression pattern, which the relations between breakdowns tie together.
--   $variable, $year
--   $sexes, $bands   parallel lists: breakdown i is ($sexes[i], $bands[i])
WITH wanted AS (
  SELECT $sexes[i] AS sex, $bands[i] AS band FROM range(1, len($sexes) + 1) r(i)
)
SELECT v.territory_code AS code, v.sex, v.band, v.value
FROM value_resolved v
JOIN wanted w ON w.sex = v.sex AND w.band = v.band
JOIN territory t ON t.code = v.territory_code AND t.level = 'comune'
WHERE v.variable = $variable AND v.year = $year
ORDER BY v.territory_code, v.sex, v.band;
