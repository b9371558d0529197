-- Puts every staged value on today's comuni: a suppressed comune's values from before its suppression
-- are summed onto the comune it now lies in, a renumbered one's moved onto its current code (crosswalk).
-- Refuses codes that are neither current nor traceable, and values under a code after its suppression
-- or renumbering (they would be counted twice). Reads obs_raw, ages_raw, territory and crosswalk;
-- writes stage_error, observation, observation_ages and observation_origin.

-- Each code as published, per source and year, once: where it goes, or why it cannot.
CREATE OR REPLACE TEMP TABLE published_code AS
WITH given AS (
  SELECT source_id, code, year, file_id, min(record) AS record, min(code_column) AS code_column FROM obs_raw GROUP BY ALL
  UNION ALL
  SELECT source_id, code, year, file_id, min(record), min(code_column) FROM ages_raw GROUP BY ALL
),
first_given AS (
  SELECT source_id, code, year, arg_min(file_id, file_id) AS file_id, arg_min(record, file_id) AS record, arg_min(code_column, file_id) AS code_column
  FROM given GROUP BY ALL
)
SELECT r.source_id, r.code, r.year, r.file_id, r.record, r.code_column,
       CASE WHEN t.code IS NOT NULL THEN t.code ELSE x.new_code END AS target,
       CASE
         WHEN t.code IS NOT NULL THEN NULL
         WHEN x.old_code IS NULL THEN 'unknown-comune'
         WHEN x.split OR x.new_code IS NULL THEN 'untraceable-comune'
         WHEN x.event_date <= make_date(r.year, 1, 1) THEN 'suppressed-comune'
       END AS rule,
       x.split, x.event_date, x.kind
FROM first_given r
LEFT JOIN territory t ON t.code = r.code AND t.level = 'comune'
LEFT JOIN crosswalk x ON x.old_code = r.code;

INSERT INTO stage_error
SELECT p.file_id, p.record, NULL, coalesce(p.code_column, 0), p.rule, CASE
  WHEN p.rule = 'unknown-comune' THEN printf('comune code "%s" is not a comune on %s nor in ISTAT''s list of suppressed comuni; expected a valid ISTAT comune code', p.code, $reference_date)
  WHEN p.rule = 'untraceable-comune' THEN printf('comune %s was %s on %s and its values cannot be assigned to one current comune', p.code, CASE WHEN p.split THEN 'split among several comuni' ELSE 'suppressed' END, strftime(p.event_date, '%Y-%m-%d'))
  WHEN p.kind = 'renumbering' THEN printf('comune %s changed code on %s: since then it is %s (%s, provincia of %s), so its residents on 1 January %d are under %s; expected the code valid on that date', p.code, strftime(p.event_date, '%Y-%m-%d'), p.target, successor.name, coalesce(provincia.name, successor.parent_code), p.year, p.target)
  ELSE printf('comune %s was suppressed on %s (today part of %s), so it has no residents on 1 January %d; expected the code valid on that date', p.code, strftime(p.event_date, '%Y-%m-%d'), p.target, p.year)
END
FROM published_code p
LEFT JOIN territory successor ON successor.code = p.target AND successor.level = 'comune'
LEFT JOIN territory provincia ON provincia.code = successor.parent_code AND provincia.level = 'provincia'
WHERE p.rule IS NOT NULL;

INSERT INTO observation
SELECT p.target, r.year, r.variable, r.sex, r.age_from, r.age_to, sum(r.value), r.source_id
FROM obs_raw r
JOIN published_code p USING (source_id, code, year)
WHERE p.rule IS NULL
GROUP BY p.target, r.year, r.variable, r.sex, r.age_from, r.age_to, r.source_id;

-- Single ages: the vectors of merged comuni are added age by age; the others are copied as they are.
-- (An ANTI JOIN, not NOT EXISTS: the correlated form buffers every vector once more before the join.)
CREATE OR REPLACE TEMP TABLE merged_target AS
SELECT source_id, year, target FROM published_code WHERE rule IS NULL GROUP BY ALL HAVING count(*) > 1;

INSERT INTO observation_ages
SELECT p.target, a.year, a.variable, a.source_id, a.male, a.female
FROM ages_raw a JOIN published_code p USING (source_id, code, year)
ANTI JOIN merged_target m ON m.source_id = p.source_id AND m.year = p.year AND m.target = p.target
WHERE p.rule IS NULL
UNION ALL
SELECT target, year, variable, source_id, list(male ORDER BY age), list(female ORDER BY age)
FROM (
  SELECT p.target, a.year, a.variable, a.source_id, g.age, sum(a.male[g.age + 1]) AS male, sum(a.female[g.age + 1]) AS female
  FROM ages_raw a JOIN published_code p USING (source_id, code, year)
  JOIN merged_target m ON m.source_id = p.source_id AND m.year = p.year AND m.target = p.target
  CROSS JOIN range(0, 101) g(age)
  WHERE p.rule IS NULL
  GROUP BY p.target, a.year, a.variable, a.source_id, g.age
)
GROUP BY target, year, variable, source_id;

INSERT INTO observation_origin
SELECT target, year, source_id, list_sort(list(code))
FROM published_code
WHERE rule IS NULL
GROUP BY target, year, source_id;
