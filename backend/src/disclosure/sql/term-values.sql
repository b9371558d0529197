-- One variable term of an indicator in one year: the value it reads (from year $year - $lag) for every
-- comune that has the indicator's parts that year, i.e. every comune whose numerator and denominator are
-- published. A part sums its terms, so this is one summand of what the part publishes.
SELECT p.territory_code AS code, v.value
FROM indicator_part p
JOIN value_resolved v
  ON v.territory_code = p.territory_code
 AND v.variable = $variable AND v.sex = $sex AND v.band = $band AND v.year = $year - $lag
WHERE p.indicator_code = $code AND p.year = $year
ORDER BY p.territory_code;
