-- Quality checks on a snapshot being built. They flag, they do not alter: a break in a series is a fact
-- users must see (e.g. the 2022 census rebase), not something to smooth away. Severities and thresholds
-- come from datasets/quality.yaml as parameters ($<rule>_severity, $<rule>_<threshold>); an 'error'
-- stops the publish. Reads the snapshot's tables and value_conflict; writes quality_issue, each issue's
-- message in English (`message`, for engineers: `etl check` and the load print it) and in Italian
-- (`message_it`, for the dashboard), the Italian with it-IT numbers: 1.234,5.

-- Numbers as Italians write them: thousands point, decimal comma.
CREATE OR REPLACE TEMP MACRO it_int(x) AS translate(format('{:,d}', CAST(round(x) AS BIGINT)), ',', '.');
CREATE OR REPLACE TEMP MACRO it_fixed(x, decimals) AS translate(printf('%,.' || decimals || 'f', CAST(x AS DOUBLE)), ',.', '.,');
CREATE OR REPLACE TEMP MACRO it_signed(x, decimals) AS translate(printf('%+,.' || decimals || 'f', CAST(x AS DOUBLE)), ',.', '.,');
-- Every digit the value has (as ::VARCHAR gives it in English), e.g. -52,619 or 1.287,36.
CREATE OR REPLACE TEMP MACRO it_number(x) AS
  CASE WHEN x = round(x) AND abs(x) < 1e15 THEN it_int(x) ELSE translate(format('{:,}', CAST(x AS DOUBLE)), ',.', '.,') END;

-- Year-on-year changes of a comune's residents: above series_break a warning, above implausible_jump
-- (more likely a truncated or broken file than a real change) an error. The cause is named where known.
INSERT INTO quality_issue
WITH residents AS (
  SELECT territory_code, year, source_id, value FROM value_resolved WHERE variable = 'pop_res' AND sex = 'T' AND band = 'TOT'
),
change AS (
  SELECT cur.territory_code, cur.year, cur.source_id, prev.value AS before, cur.value AS after, prev.year AS before_year,
         (cur.value - prev.value) / prev.value AS relative, abs(cur.value - prev.value) AS absolute,
         -- Only a merger moves residents: a comune that changed code (renumbering) brings only its own.
         (SELECT max(x.event_date) FROM crosswalk x WHERE x.new_code = cur.territory_code AND x.kind = 'suppression'
            AND x.event_date > make_date(prev.year, 1, 1) AND x.event_date <= make_date(cur.year, 1, 1)) AS merger_date
  FROM residents cur
  JOIN residents prev ON prev.territory_code = cur.territory_code AND prev.year = cur.year - 1
  WHERE prev.value > 0
)
SELECT CASE WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute AND merger_date IS NULL
            THEN $implausible_jump_severity ELSE $series_break_severity END,
       CASE WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute AND merger_date IS NULL
            THEN 'implausible-jump' ELSE 'series-break' END,
       c.source_id, c.territory_code, c.year,
       printf('%s: residents went from %d (%d) to %d (%d), %+.1f%% in one year; %s',
              t.name, before::BIGINT, before_year, after::BIGINT, c.year, relative * 100,
              CASE WHEN merger_date IS NOT NULL THEN printf('explained by the merger of %s into it on %s', (SELECT string_agg(x.old_code, ', ' ORDER BY x.old_code) FROM crosswalk x WHERE x.new_code = c.territory_code AND x.kind = 'suppression' AND x.event_date = merger_date), strftime(merger_date, '%d/%m/%Y'))
                   WHEN c.year = 2022 THEN 'likely the 2022 rebase of the population on the permanent census'
                   WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute THEN 'too large to be real: check that the file is complete and not truncated'
                   ELSE 'check for a census rebase or a boundary change' END),
       printf('%s: i residenti passano da %s (%d) a %s (%d), %s%% in un anno; %s',
              t.name, it_int(before), before_year, it_int(after), c.year, it_signed(relative * 100, 1),
              CASE WHEN merger_date IS NOT NULL THEN printf('si spiega con la fusione di %s in questo comune il %s', (SELECT string_agg(x.old_code, ', ' ORDER BY x.old_code) FROM crosswalk x WHERE x.new_code = c.territory_code AND x.kind = 'suppression' AND x.event_date = merger_date), strftime(merger_date, '%d/%m/%Y'))
                   WHEN c.year = 2022 THEN 'probabilmente è il ricalcolo della popolazione sul censimento permanente del 2022'
                   WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute THEN 'troppo grande per essere reale: verificare che il file sia completo e non troncato'
                   ELSE 'verificare se c''è stato un ricalcolo sul censimento o una variazione dei confini' END)
FROM change c JOIN territory t ON t.code = c.territory_code
WHERE abs(relative) > $series_break_relative AND absolute >= $series_break_absolute;

-- A file that gives rows for some comuni of a provincia must give them for all: fewer is a truncated or
-- partial file, never a smaller provincia. (A row whose cells are empty is given, by the publisher's choice.)
INSERT INTO quality_issue
WITH given AS (
  SELECT DISTINCT g.file_id, g.source_id, coalesce(t.code, x.new_code) AS comune
  FROM stage_code g
  LEFT JOIN territory t ON t.code = g.code AND t.level = 'comune'
  LEFT JOIN crosswalk x ON x.old_code = g.code
),
covered AS (
  SELECT g.file_id, g.source_id, t.parent_code AS provincia, count(*) AS comuni
  FROM given g JOIN territory t ON t.code = g.comune GROUP BY ALL
),
expected AS (
  SELECT parent_code AS provincia, count(*) AS comuni FROM territory WHERE level = 'comune' GROUP BY ALL
)
SELECT $incomplete_source_severity, 'incomplete-source', c.source_id, c.provincia, f.year,
       printf('%s gives rows for %d of the %d comuni of provincia %s; missing %s%s: the file may be truncated or partial',
              f.path, c.comuni, e.comuni, c.provincia,
              (SELECT string_agg(code, ', ' ORDER BY code) FROM (
                 SELECT t.code FROM territory t WHERE t.level = 'comune' AND t.parent_code = c.provincia
                   AND t.code NOT IN (SELECT g.comune FROM given g WHERE g.file_id = c.file_id)
                 ORDER BY t.code LIMIT 5)),
              CASE WHEN e.comuni - c.comuni > 5 THEN printf(' and %d more', e.comuni - c.comuni - 5) ELSE '' END),
       printf('%s ha righe per %s dei %s comuni della provincia di %s (%s); mancano %s%s: il file potrebbe essere troncato o parziale',
              f.path, it_int(c.comuni), it_int(e.comuni), coalesce(p.name, c.provincia), c.provincia,
              (SELECT string_agg(code, ', ' ORDER BY code) FROM (
                 SELECT t.code FROM territory t WHERE t.level = 'comune' AND t.parent_code = c.provincia
                   AND t.code NOT IN (SELECT g.comune FROM given g WHERE g.file_id = c.file_id)
                 ORDER BY t.code LIMIT 5)),
              CASE WHEN e.comuni - c.comuni > 5 THEN printf(' e altri %s', it_int(e.comuni - c.comuni - 5)) ELSE '' END)
FROM covered c JOIN expected e USING (provincia) JOIN stage_file f ON f.file_id = c.file_id
LEFT JOIN territory p ON p.code = c.provincia AND p.level = 'provincia'
WHERE c.comuni < e.comuni;

-- The same value from two sources: beyond the tolerance a disagreement (both values shown); two
-- sources that sources.yaml does not rank cannot both give it.
INSERT INTO quality_issue
SELECT CASE WHEN chosen_rank = other_rank THEN $conflicting_sources_severity ELSE $sources_disagree_severity END,
       CASE WHEN chosen_rank = other_rank THEN 'conflicting-sources' ELSE 'sources-disagree' END,
       other_source, territory_code, year,
       CASE WHEN chosen_rank = other_rank
            THEN printf('%s %s %s of %s in %d is given by both %s (%s) and %s (%s); expected one source per value: list the preferred one first under precedence in sources.yaml',
                        variable, sex, band, territory_code, year, chosen_source, chosen_value::VARCHAR, other_source, other_value::VARCHAR)
            ELSE printf('%s %s %s of %s in %d: %s gives %s, %s gives %s%s; %s is used, as sources.yaml prefers it',
                        variable, sex, band, territory_code, year, chosen_source, chosen_value::VARCHAR, other_source, other_value::VARCHAR,
                        CASE WHEN chosen_value = 0 THEN '' ELSE printf(' (%+.2f%%)', (other_value - chosen_value) / chosen_value * 100) END, chosen_source) END,
       CASE WHEN chosen_rank = other_rank
            THEN printf('%s %s %s di %s nel %d è dato sia da %s (%s) sia da %s (%s); ogni valore deve avere una sola fonte: indicare per prima quella preferita sotto precedence in sources.yaml',
                        variable, sex, band, territory_code, year, chosen_source, it_number(chosen_value), other_source, it_number(other_value))
            ELSE printf('%s %s %s di %s nel %d: %s dà %s, %s dà %s%s; si usa %s, che sources.yaml preferisce',
                        variable, sex, band, territory_code, year, chosen_source, it_number(chosen_value), other_source, it_number(other_value),
                        CASE WHEN chosen_value = 0 THEN '' ELSE printf(' (%s%%)', it_signed((other_value - chosen_value) / chosen_value * 100, 2)) END, chosen_source) END
FROM value_conflict
WHERE chosen_rank = other_rank OR abs(other_value - chosen_value) > $sources_disagree_relative * abs(chosen_value);

-- A source's published age bands must add up to its total of the same comune, year and sex.
INSERT INTO quality_issue
WITH bands AS (
  SELECT territory_code, year, variable, sex, source_id, sum(value) AS value, count(*) AS parts, min(age_from) AS lowest, bool_or(age_to IS NULL) AS open_ended
  FROM observation WHERE NOT (age_from = 0 AND age_to IS NULL) AND sex = 'T'
  GROUP BY ALL
)
SELECT $bands_total_mismatch_severity, 'bands-total-mismatch', b.source_id, b.territory_code, b.year,
       printf('age bands from %s add up to %d, but the total from %s is %d', b.source_id, b.value::BIGINT, total.source_id, total.value::BIGINT),
       printf('le fasce d''età di %s sommano a %s, ma il totale di %s è %s', b.source_id, it_int(b.value), total.source_id, it_int(total.value))
FROM bands b
JOIN value_resolved total
  ON total.territory_code = b.territory_code AND total.year = b.year AND total.variable = b.variable AND total.sex = b.sex AND total.band = 'TOT'
WHERE b.lowest = 0 AND b.open_ended AND b.parts > 1 AND b.value <> total.value;

-- Men plus women must equal the total.
INSERT INTO quality_issue
SELECT $sex_total_mismatch_severity, 'sex-total-mismatch', t.source_id, t.territory_code, t.year,
       printf('men %d + women %d = %d, but the total is %d', m.value::BIGINT, f.value::BIGINT, (m.value + f.value)::BIGINT, t.value::BIGINT),
       printf('maschi %s + femmine %s = %s, ma il totale è %s', it_int(m.value), it_int(f.value), it_int(m.value + f.value), it_int(t.value))
FROM value_resolved t
JOIN value_resolved m USING (territory_code, year, variable, band)
JOIN value_resolved f USING (territory_code, year, variable, band)
WHERE t.sex = 'T' AND m.sex = 'M' AND f.sex = 'F' AND t.band = 'TOT' AND m.band = 'TOT' AND f.band = 'TOT' AND abs(m.value + f.value - t.value) > 1e-9 * t.value;

-- A share cannot exceed its whole.
INSERT INTO quality_issue
SELECT $numerator_exceeds_denominator_severity, 'numerator-exceeds-denominator', NULL, p.territory_code, p.year,
       printf('%s of %s in %d: the numerator (%s) exceeds the denominator (%s); expected a share of at most 100%%', p.indicator_code, t.name, p.year, p.numerator::VARCHAR, p.denominator::VARCHAR),
       printf('%s (%s) di %s nel %d: il numeratore (%s) supera il denominatore (%s); una quota non può superare il 100%%', json_extract_string(i.definition, '$.name.it'), p.indicator_code, t.name, p.year, it_number(p.numerator), it_number(p.denominator))
FROM indicator_part p
JOIN indicator i ON i.code = p.indicator_code
JOIN territory t ON t.code = p.territory_code
WHERE json_extract_string(i.definition, '$.ci_method') = 'proportion' AND p.numerator > p.denominator;

-- Comuni far from the others of their provincia on an indicator: what a planner should look at, either a
-- wrong figure in a source or a comune truly unlike its neighbours. Modified z-score (Iglewicz & Hoaglin:
-- 0.6745 × distance from the median / median absolute deviation) among the comuni of the provincia with at
-- least $outlier_min_residents residents, on the log scale where every value of the group is positive
-- (densities, incomes and ratios are skewed: a capoluogo is not an outlier for being 5× denser). A count
-- indicator (proportion, ratio, rate) must also be beyond what chance gives at its size: more than
-- $outlier_chance_z Poisson standard errors from what the provincia's median rate predicts. One issue per
-- comune and indicator: the latest year flagged, with the earlier years named.
INSERT INTO quality_issue
WITH counted AS (
  SELECT code AS indicator_code, json_extract_string(definition, '$.ci_method') IN ('proportion', 'ratio', 'rate') AS counted FROM indicator
),
large AS (
  SELECT territory_code, year FROM value_resolved
  WHERE variable = 'pop_res' AND sex = 'T' AND band = 'TOT' AND value >= $outlier_min_residents
),
v AS (
  SELECT p.indicator_code, p.year, t.parent_code AS provincia, p.territory_code, p.numerator, p.denominator,
         p.numerator / p.denominator AS value, c.counted
  FROM indicator_part p
  JOIN territory t ON t.code = p.territory_code AND t.level = 'comune'
  JOIN counted c USING (indicator_code)
  SEMI JOIN large l ON l.territory_code = p.territory_code AND l.year = p.year
  WHERE p.denominator > 0
),
grp AS (
  SELECT indicator_code, year, provincia, bool_and(value > 0) AS logged
  FROM v GROUP BY ALL HAVING count(*) >= $outlier_min_comuni
),
scaled AS (
  SELECT v.*, g.logged, CASE WHEN g.logged THEN ln(v.value) ELSE v.value END AS x
  FROM v JOIN grp g USING (indicator_code, year, provincia)
),
centre AS (SELECT indicator_code, year, provincia, median(x) AS med FROM scaled GROUP BY ALL),
spread AS (
  SELECT s.indicator_code, s.year, s.provincia, c.med, median(abs(s.x - c.med)) AS mad
  FROM scaled s JOIN centre c USING (indicator_code, year, provincia) GROUP BY ALL
),
scored AS (
  SELECT s.*, 0.6745 * (s.x - d.med) / d.mad AS modified_z,
         CASE WHEN s.logged THEN exp(d.med) ELSE d.med END AS median_value
  FROM scaled s JOIN spread d USING (indicator_code, year, provincia)
  WHERE d.mad > 0
),
flagged AS (
  SELECT *, row_number() OVER (PARTITION BY indicator_code, territory_code ORDER BY year DESC) AS recency,
         string_agg(year::VARCHAR, ', ' ORDER BY year) OVER (PARTITION BY indicator_code, territory_code) AS years
  FROM scored
  WHERE abs(modified_z) > $outlier_modified_z
    AND (NOT counted OR abs(numerator - median_value * denominator) > $outlier_chance_z * sqrt(greatest(median_value * denominator, 1)))
),
shown AS (
  SELECT f.*, ind.definition, c.name, pv.name AS provincia_name,
         CAST(json_extract(ind.definition, '$.multiplier') AS DOUBLE) AS multiplier,
         CASE WHEN f.years = f.year::VARCHAR THEN NULL ELSE regexp_replace(f.years, ', ' || f.year || '$', '') END AS earlier
  FROM flagged f
  JOIN indicator ind ON ind.code = f.indicator_code
  JOIN territory c ON c.code = f.territory_code
  LEFT JOIN territory pv ON pv.code = f.provincia AND pv.level = 'provincia'
  WHERE f.recency = 1
)
SELECT $outlier_severity, 'outlier', NULL, territory_code, year,
       printf('%s, %d: %s (%s) %s, against a median of %s among the comuni of the provincia of %s (modified z-score %.1f)%s; check whether the source is wrong or the comune is unusual',
              name, year, lower(json_extract_string(definition, '$.name.en')[1]) || json_extract_string(definition, '$.name.en')[2:], indicator_code,
              printf('%,.1f', value * multiplier) || CASE json_extract_string(definition, '$.unit.en') WHEN '%' THEN '%' ELSE ' ' || json_extract_string(definition, '$.unit.en') END,
              printf('%,.1f', median_value * multiplier) || CASE json_extract_string(definition, '$.unit.en') WHEN '%' THEN '%' ELSE '' END, coalesce(provincia_name, provincia), modified_z,
              CASE WHEN earlier IS NULL THEN '' ELSE '; likewise in ' || earlier END),
       printf('%s, %d: %s %s, contro una mediana di %s nei comuni della provincia di %s (z-score modificato %s)%s; verificare se la fonte è errata o il comune è davvero diverso dagli altri',
              name, year, lower(json_extract_string(definition, '$.name.it')[1]) || json_extract_string(definition, '$.name.it')[2:],
              it_fixed(value * multiplier, 1) || CASE json_extract_string(definition, '$.unit.it') WHEN '%' THEN '%' ELSE ' ' || json_extract_string(definition, '$.unit.it') END,
              it_fixed(median_value * multiplier, 1) || CASE json_extract_string(definition, '$.unit.it') WHEN '%' THEN '%' ELSE '' END, coalesce(provincia_name, provincia), it_fixed(modified_z, 1),
              CASE WHEN earlier IS NULL THEN '' ELSE '; lo stesso nel ' || earlier END)
FROM shown;

-- Completeness per variable × comune × year: current comuni without a value that others of their
-- provincia have.
INSERT INTO quality_issue
WITH present AS (
  SELECT DISTINCT v.variable, v.year, t.parent_code AS provincia FROM value_resolved v JOIN territory t ON t.code = v.territory_code WHERE v.sex = 'T' AND v.band = 'TOT'
)
SELECT $missing_value_severity, 'missing-value', NULL, c.code, p.year,
       printf('%s has no %s value for %d while other comuni of its provincia do', c.name, p.variable, p.year),
       printf('%s non ha un valore di %s per il %d, che altri comuni della provincia di %s hanno', c.name, p.variable, p.year, coalesce(pv.name, c.parent_code))
FROM territory c
JOIN present p ON p.provincia = c.parent_code
LEFT JOIN territory pv ON pv.code = c.parent_code AND pv.level = 'provincia'
WHERE c.level = 'comune'
  AND NOT EXISTS (SELECT 1 FROM value_resolved o WHERE o.territory_code = c.code AND o.year = p.year AND o.variable = p.variable AND o.sex = 'T' AND o.band = 'TOT');

-- Where a provincia has Ambiti, every comune of it belongs to one on the reference date.
INSERT INTO quality_issue
SELECT $ambiti_coverage_severity, 'ambiti-coverage', NULL, c.code, NULL,
       printf('%s (%s) belongs to no Ambito of provincia %s on the reference date; add it to territory/ambiti.yaml', c.name, c.code, c.parent_code),
       printf('%s (%s) non appartiene ad alcun Ambito della provincia di %s alla data di riferimento; aggiungerlo in territory/ambiti.yaml', c.name, c.code, coalesce(pv.name, c.parent_code))
FROM territory c
LEFT JOIN territory pv ON pv.code = c.parent_code AND pv.level = 'provincia'
WHERE c.level = 'comune'
  AND c.parent_code IN (SELECT parent_code FROM territory WHERE level = 'ambito')
  AND c.code NOT IN (SELECT m.code FROM containment m JOIN territory a ON a.code = m.container AND a.level = 'ambito');

-- Areas must be positive: a density on a zero or negative area is meaningless, so it is left out.
INSERT INTO quality_issue
SELECT $bad_area_severity, 'bad-area', area_source_id, code, NULL,
       printf('%s (%s) has an area of %s km² in the comuni list; its density is left out until the source is corrected', name, code, area_km2::VARCHAR),
       printf('%s (%s) ha una superficie di %s km² nell''elenco dei comuni; la densità è esclusa finché la fonte non è corretta', name, code, it_number(area_km2))
FROM territory
WHERE level = 'comune' AND area_km2 <= 0;
