-- Quality checks on a snapshot being built. They flag, they do not alter: a break in a series is a fact
-- users must see (e.g. the 2022 census rebase), not something to smooth away. Severities and thresholds
-- come from datasets/quality.yaml as parameters ($<rule>_severity, $<rule>_<threshold>); an 'error'
-- stops the publish. Reads the snapshot's tables and value_conflict; writes quality_issue.

-- Year-on-year changes of a comune's residents: above series_break a warning, above implausible_jump
-- (more likely a truncated or broken file than a real change) an error. The cause is named where known.
INSERT INTO quality_issue
WITH change AS (
  SELECT cur.territory_code, cur.year, cur.source_id, prev.value AS before, cur.value AS after, prev.year AS before_year,
         (cur.value - prev.value) / prev.value AS relative, abs(cur.value - prev.value) AS absolute,
         (SELECT max(x.event_date) FROM crosswalk x WHERE x.new_code = cur.territory_code
            AND x.event_date > make_date(prev.year, 1, 1) AND x.event_date <= make_date(cur.year, 1, 1)) AS merger_date
  FROM value_resolved cur
  JOIN value_resolved prev
    ON prev.territory_code = cur.territory_code AND prev.year = cur.year - 1
   AND prev.variable = cur.variable AND prev.sex = cur.sex AND prev.band = cur.band
  WHERE cur.variable = 'pop_res' AND cur.sex = 'T' AND cur.band = 'TOT' AND prev.value > 0
)
SELECT CASE WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute AND merger_date IS NULL
            THEN $implausible_jump_severity ELSE $series_break_severity END,
       CASE WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute AND merger_date IS NULL
            THEN 'implausible-jump' ELSE 'series-break' END,
       c.source_id, c.territory_code, c.year,
       printf('%s: residents went from %d (%d) to %d (%d), %+.1f%% in one year; %s',
              t.name, before::BIGINT, before_year, after::BIGINT, c.year, relative * 100,
              CASE WHEN merger_date IS NOT NULL THEN printf('explained by the merger of %s into it on %s', (SELECT string_agg(x.old_code, ', ' ORDER BY x.old_code) FROM crosswalk x WHERE x.new_code = c.territory_code AND x.event_date = merger_date), strftime(merger_date, '%d/%m/%Y'))
                   WHEN c.year = 2022 THEN 'likely the 2022 rebase of the population on the permanent census'
                   WHEN abs(relative) > $implausible_jump_relative AND absolute >= $implausible_jump_absolute THEN 'too large to be real: check that the file is complete and not truncated'
                   ELSE 'check for a census rebase or a boundary change' END)
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
              CASE WHEN e.comuni - c.comuni > 5 THEN printf(' and %d more', e.comuni - c.comuni - 5) ELSE '' END)
FROM covered c JOIN expected e USING (provincia) JOIN stage_file f ON f.file_id = c.file_id
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
                        CASE WHEN chosen_value = 0 THEN '' ELSE printf(' (%+.2f%%)', (other_value - chosen_value) / chosen_value * 100) END, chosen_source) END
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
       printf('age bands from %s add up to %d, but the total from %s is %d', b.source_id, b.value::BIGINT, total.source_id, total.value::BIGINT)
FROM bands b
JOIN value_resolved total
  ON total.territory_code = b.territory_code AND total.year = b.year AND total.variable = b.variable AND total.sex = b.sex AND total.band = 'TOT'
WHERE b.lowest = 0 AND b.open_ended AND b.parts > 1 AND b.value <> total.value;

-- Men plus women must equal the total.
INSERT INTO quality_issue
SELECT $sex_total_mismatch_severity, 'sex-total-mismatch', t.source_id, t.territory_code, t.year,
       printf('men %d + women %d = %d, but the total is %d', m.value::BIGINT, f.value::BIGINT, (m.value + f.value)::BIGINT, t.value::BIGINT)
FROM value_resolved t
JOIN value_resolved m USING (territory_code, year, variable, band)
JOIN value_resolved f USING (territory_code, year, variable, band)
WHERE t.sex = 'T' AND m.sex = 'M' AND f.sex = 'F' AND t.band = 'TOT' AND abs(m.value + f.value - t.value) > 1e-9 * t.value;

-- A share cannot exceed its whole.
INSERT INTO quality_issue
SELECT $numerator_exceeds_denominator_severity, 'numerator-exceeds-denominator', NULL, p.territory_code, p.year,
       printf('%s of %s in %d: the numerator (%s) exceeds the denominator (%s); expected a share of at most 100%%', p.indicator_code, t.name, p.year, p.numerator::VARCHAR, p.denominator::VARCHAR)
FROM indicator_part p
JOIN indicator i ON i.code = p.indicator_code
JOIN territory t ON t.code = p.territory_code
WHERE json_extract_string(i.definition, '$.ci_method') = 'proportion' AND p.numerator > p.denominator;

-- Comuni far from the others of their provincia on an indicator (modified z-score, Iglewicz & Hoaglin).
INSERT INTO quality_issue
WITH v AS (
  SELECT p.indicator_code, p.year, t.parent_code AS provincia, p.territory_code, t.name, p.numerator / p.denominator AS value
  FROM indicator_part p JOIN territory t ON t.code = p.territory_code
  WHERE p.denominator > 0
),
centre AS (SELECT indicator_code, year, provincia, median(value) AS med FROM v GROUP BY ALL HAVING count(*) >= 5),
spread AS (
  SELECT v.indicator_code, v.year, v.provincia, c.med, median(abs(v.value - c.med)) AS mad
  FROM v JOIN centre c USING (indicator_code, year, provincia) GROUP BY ALL
)
SELECT $outlier_severity, 'outlier', NULL, v.territory_code, v.year,
       printf('%s of %s in %d is far from the other comuni of provincia %s (modified z-score %.1f)', v.indicator_code, v.name, v.year, v.provincia, 0.6745 * (v.value - s.med) / s.mad)
FROM v JOIN spread s USING (indicator_code, year, provincia)
WHERE s.mad > 0 AND abs(0.6745 * (v.value - s.med) / s.mad) > $outlier_modified_z;

-- Completeness per variable × comune × year: current comuni without a value that others of their
-- provincia have.
INSERT INTO quality_issue
WITH present AS (
  SELECT DISTINCT v.variable, v.year, t.parent_code AS provincia FROM value_resolved v JOIN territory t ON t.code = v.territory_code WHERE v.sex = 'T' AND v.band = 'TOT'
)
SELECT $missing_value_severity, 'missing-value', NULL, c.code, p.year,
       printf('%s has no %s value for %d while other comuni of its provincia do', c.name, p.variable, p.year)
FROM territory c
JOIN present p ON p.provincia = c.parent_code
WHERE c.level = 'comune'
  AND NOT EXISTS (SELECT 1 FROM value_resolved o WHERE o.territory_code = c.code AND o.year = p.year AND o.variable = p.variable AND o.sex = 'T' AND o.band = 'TOT');

-- Where a provincia has Ambiti, every comune of it belongs to one on the reference date.
INSERT INTO quality_issue
SELECT $ambiti_coverage_severity, 'ambiti-coverage', NULL, c.code, NULL,
       printf('%s (%s) belongs to no Ambito of provincia %s on the reference date; add it to territory/ambiti.yaml', c.name, c.code, c.parent_code)
FROM territory c
WHERE c.level = 'comune'
  AND c.parent_code IN (SELECT parent_code FROM territory WHERE level = 'ambito')
  AND c.code NOT IN (SELECT m.code FROM containment m JOIN territory a ON a.code = m.container AND a.level = 'ambito');

-- Areas must be positive: a density on a zero or negative area is meaningless, so it is left out.
INSERT INTO quality_issue
SELECT $bad_area_severity, 'bad-area', area_source_id, code, NULL,
       printf('%s (%s) has an area of %s km² in the comuni list; its density is left out until the source is corrected', name, code, area_km2::VARCHAR)
FROM territory
WHERE level = 'comune' AND area_km2 <= 0;
