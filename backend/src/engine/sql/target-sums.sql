-- The sums of every target territory ($codes, found by the engine in the snapshot's lookups: see
-- sum-targets.ts) for every wanted (indicator, year): a territory above the comune from
-- indicator_aggregate, a comune from its indicator_part row. Only (territory, indicator, year) with a row
-- come back; the engine fills in the others. Labels, order and territories without data are left to the
-- engine (sums.repository.ts): joining and sorting them here cost more than the sums themselves.
--   $indicators, $years   parallel lists: pair i is ($indicators[i], $years[i])
--   $codes                the target territories, of any level
WITH wanted AS (
  SELECT unnest($indicators) AS indicator_code, unnest($years) AS year
)
SELECT a.territory_code AS code, a.indicator_code, a.year, a.numerator, a.denominator, a.comuni_with_data, a.comuni_total, a.synthetic
FROM indicator_aggregate a
JOIN wanted w ON w.indicator_code = a.indicator_code AND w.year = a.year
WHERE a.territory_code IN (SELECT unnest($codes))
UNION ALL
SELECT p.territory_code, p.indicator_code, p.year, p.numerator, p.denominator, 1, 1, p.synthetic
FROM indicator_part p
JOIN wanted w ON w.indicator_code = p.indicator_code AND w.year = p.year
WHERE p.territory_code IN (SELECT unnest($codes));
