-- Derives every value the indicators and quality checks read (value_key: variable × sex × band, numbered)
-- per current comune and year, from each source on its own: as published where the source gives exactly
-- that sex and band, otherwise summed from its single years of age (derived_wide, one column per key, made
-- by value-keys.ts). Where several sources give the same value, the preferred one wins (source_rank, from
-- sources.yaml precedence); disagreements beyond the tolerance are recorded.
-- Reads observation, derived_wide, value_key, age_band, source_index, source_rank; writes contested_ages
-- and value_chosen (which, with observation_ages, make the view value_resolved), resolved_other and
-- value_conflict.

CREATE OR REPLACE TEMP TABLE published_candidate AS
SELECT o.territory_code, o.year, o.variable, k.key, o.value, o.source_id, s.src, false AS derived
FROM observation o
JOIN value_key k ON k.variable = o.variable AND k.sex = o.sex
JOIN age_band b ON b.code = k.band AND b.age_from = o.age_from AND b.age_to IS NOT DISTINCT FROM o.age_to
JOIN source_index s USING (source_id);

-- Comune-year-variables that more than one candidate gives values of: the single ages of two sources, or
-- single ages and values as published. Only they need ranking; nearly every value has one candidate and
-- is kept as it is, without a row per value being ranked.
INSERT INTO contested_ages
SELECT territory_code, year, variable
FROM (SELECT territory_code, year, variable, source_id, true AS derived FROM derived_wide
      UNION ALL
      SELECT DISTINCT territory_code, year, variable, source_id, false FROM published_candidate)
GROUP BY ALL HAVING count(*) > 1;

-- Every candidate of a contested group, one row per key: one per source (as published before derived),
-- then the preferred source first.
CREATE OR REPLACE TEMP TABLE ranked_candidate AS
WITH candidate AS (
  SELECT territory_code, year, CAST(substr(name, 2) AS INTEGER) AS key, value, source_id, src, true AS derived
  FROM (UNPIVOT (SELECT * FROM derived_wide SEMI JOIN contested_ages USING (territory_code, year, variable))
        ON COLUMNS('^k\d+$') INTO NAME name VALUE value)
  UNION ALL
  SELECT territory_code, year, key, value, source_id, src, derived FROM published_candidate SEMI JOIN contested_ages USING (territory_code, year, variable)
)
SELECT c.*, coalesce(s.rank, 1000000) AS rank,
       row_number() OVER (PARTITION BY c.territory_code, c.year, c.key ORDER BY coalesce(s.rank, 1000000), c.source_id, c.derived) AS preference
FROM (SELECT * FROM candidate QUALIFY row_number() OVER (PARTITION BY territory_code, year, key, source_id ORDER BY derived) = 1) c
LEFT JOIN source_rank s USING (source_id);

-- One value per comune, year and key: the only candidate, or the preferred one. The single ages of an
-- uncontested comune-year-variable are summed on request (the view value_resolved); the others are kept
-- in value_chosen.
CREATE OR REPLACE TEMP TABLE resolved_other AS
SELECT territory_code, year, key, value, source_id, src, derived FROM published_candidate ANTI JOIN contested_ages USING (territory_code, year, variable)
UNION ALL
SELECT territory_code, year, key, value, source_id, src, derived FROM ranked_candidate WHERE preference = 1;

INSERT INTO value_chosen
SELECT r.territory_code, r.year, k.variable, k.sex, k.band, r.value, r.source_id, r.derived
FROM resolved_other r JOIN value_key k USING (key);

-- Every value given by more than one source: the preferred one and each other, for the quality checks.
CREATE OR REPLACE TEMP TABLE value_conflict AS
SELECT w.territory_code, w.year, k.variable, k.sex, k.band,
       w.source_id AS chosen_source, w.value AS chosen_value, w.rank AS chosen_rank,
       o.source_id AS other_source, o.value AS other_value, o.rank AS other_rank
FROM ranked_candidate w
JOIN ranked_candidate o USING (territory_code, year, key)
JOIN value_key k USING (key)
WHERE w.preference = 1 AND o.preference > 1;
