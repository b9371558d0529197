-- Derives every value the indicators and quality checks read (requested_value: variable × sex × band)
-- per current comune and year, from each source on its own: as published where the source gives exactly
-- that sex and band, otherwise summed from its single years of age (age_band_sum, made by band-sums.ts;
-- a total T adds M and F). Where several sources give the same value, the preferred one wins
-- (source_rank, from sources.yaml precedence); disagreements beyond the tolerance are recorded.
-- Reads observation, age_band_sum, age_band, requested_value, source_rank; writes value_resolved and
-- value_conflict.

CREATE OR REPLACE TEMP TABLE requested_band AS
SELECT r.variable, r.sex, r.band, b.age_from, b.age_to
FROM (SELECT DISTINCT variable, sex, band FROM requested_value) r
JOIN age_band b ON b.code = r.band;

CREATE OR REPLACE TEMP TABLE value_candidate AS
SELECT o.territory_code, o.year, o.variable, r.sex, r.band, o.value, o.source_id, false AS derived
FROM observation o
JOIN requested_band r ON r.variable = o.variable AND r.sex = o.sex AND r.age_from = o.age_from AND r.age_to IS NOT DISTINCT FROM o.age_to
UNION ALL
SELECT v.territory_code, v.year, v.variable, r.sex, r.band,
       CASE r.sex WHEN 'M' THEN v.male WHEN 'F' THEN v.female ELSE v.male + v.female END, v.source_id, true
FROM age_band_sum v
JOIN requested_band r ON r.variable = v.variable AND r.band = v.band;

-- Keys given by more than one candidate (another source, or the same source as published and derived):
-- only they need ranking; nearly every value has one candidate and is kept as it is.
CREATE OR REPLACE TEMP TABLE contested_key AS
SELECT territory_code, year, variable, sex, band FROM value_candidate GROUP BY ALL HAVING count(*) > 1;

-- One candidate per source (as published before derived), then the preferred source first.
CREATE OR REPLACE TEMP TABLE ranked_candidate AS
SELECT c.*, coalesce(s.rank, 1000000) AS rank,
       row_number() OVER (PARTITION BY c.territory_code, c.year, c.variable, c.sex, c.band
                          ORDER BY coalesce(s.rank, 1000000), c.source_id, c.derived) AS preference
FROM (SELECT * FROM value_candidate SEMI JOIN contested_key USING (territory_code, year, variable, sex, band)
      QUALIFY row_number() OVER (PARTITION BY territory_code, year, variable, sex, band, source_id ORDER BY derived) = 1) c
LEFT JOIN source_rank s USING (source_id);

INSERT INTO value_resolved
SELECT territory_code, year, variable, sex, band, value, source_id, derived
FROM value_candidate ANTI JOIN contested_key USING (territory_code, year, variable, sex, band)
UNION ALL
SELECT territory_code, year, variable, sex, band, value, source_id, derived
FROM ranked_candidate WHERE preference = 1;

-- Every value given by more than one source: the preferred one and each other, for the quality checks.
CREATE OR REPLACE TEMP TABLE value_conflict AS
SELECT w.territory_code, w.year, w.variable, w.sex, w.band,
       w.source_id AS chosen_source, w.value AS chosen_value, w.rank AS chosen_rank,
       o.source_id AS other_source, o.value AS other_value, o.rank AS other_rank
FROM ranked_candidate w
JOIN ranked_candidate o USING (territory_code, year, variable, sex, band)
WHERE w.preference = 1 AND o.preference > 1;
