-- ISTAT's POSAS / STRASA layout, one file, cell by cell (the diagnosing path: age-sex-fast.sql reads a
-- clean file in one pass; this one runs when that pass finds anything wrong, to say what and where).
-- One row per comune × age (0…100, 100 meaning 100 and over; 999 the comune's total) with residents by
-- sex in three columns. Reads the view stage_data (record, one_cell, first_missing, code_t, age_t,
-- male_t, female_t, total_t) over the file's raw table; writes the file's problems into stage_error and
-- each clean comune's single ages by sex into ages_raw (as vectors) (the 999 row only checks them). A one-cell line
-- after the data ("Nota: …") ends the data, as in ISTAT's files (stage_data stops before it).
-- A file read here may be gigabytes (one written over and over): each table is dropped once read, and
-- the text of a cell is kept only where a message quotes it.

-- Every data row checked once: the rule each cell breaks, if any, and the value of each good cell.
CREATE OR REPLACE TEMP TABLE stage_cells AS
WITH ruled AS (
  SELECT record, code_t, age_t, male_t, female_t, total_t,
         code_problem(code_t) AS code_rule,
         CASE WHEN regexp_full_match(coalesce(age_t, ''), '\d{1,3}') AND (CAST(age_t AS INTEGER) <= 100 OR CAST(age_t AS INTEGER) = 999) THEN NULL ELSE 'bad-age' END AS age_rule,
         count_problem(male_t, $pattern) AS male_rule,
         count_problem(female_t, $pattern) AS female_rule,
         count_problem(total_t, $pattern) AS total_rule
  FROM stage_data WHERE first_missing IS NULL
),
valued AS (
  SELECT *,
         code_rule IS NULL AND age_rule IS NULL AND male_rule IS NULL AND female_rule IS NULL AND total_rule IS NULL AS good,
         CASE WHEN age_rule IS NULL THEN CAST(age_t AS INTEGER) END AS age,
         CASE WHEN male_rule IS NULL THEN count_value(male_t, $pattern, $thousands) END AS male,
         CASE WHEN female_rule IS NULL THEN count_value(female_t, $pattern, $thousands) END AS female,
         CASE WHEN total_rule IS NULL THEN count_value(total_t, $pattern, $thousands) END AS total
  FROM ruled
)
SELECT record, comune_code(code_t) AS code, age, male, female, total, good,
       code_rule, age_rule, male_rule, female_rule, total_rule,
       CASE WHEN code_rule IS NOT NULL THEN code_t END AS code_t,
       CASE WHEN age_rule IS NOT NULL THEN age_t END AS age_t,
       CASE WHEN male_rule IS NOT NULL THEN male_t END AS male_t,
       CASE WHEN female_rule IS NOT NULL THEN female_t END AS female_t,
       CASE WHEN total_rule IS NOT NULL OR (good AND male + female <> total) THEN total_t END AS total_t
FROM valued;

-- The file's text, as read (observations.ts names its raw table so for this layout), is no longer needed.
DROP TABLE IF EXISTS stage_raw;

-- Every comune code the file gives rows for (whether or not their cells hold values), as codes.sql gives
-- them for the other layouts: from the checked cells, rather than trimming and matching the text again.
INSERT INTO stage_code SELECT DISTINCT $source_id, $file_id, code FROM stage_cells WHERE code_rule IS NULL;

CREATE OR REPLACE TEMP VIEW stage_good AS
SELECT record, code, age, male, female, total FROM stage_cells WHERE good;

INSERT INTO stage_error
SELECT $file_id, record, NULL, $code_column, code_rule, code_explanation(code_t, $code_header) FROM stage_cells WHERE code_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, $age_column, age_rule,
       cell_explanation(age_t, $age_header, 'is not an age', 'an age from 0 to 100 (100 meaning 100 and over), or 999 for the total')
FROM stage_cells WHERE age_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, $male_column, male_rule, count_explanation(male_t, $male_header, male_rule, $format_note) FROM stage_cells WHERE male_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, $female_column, female_rule, count_explanation(female_t, $female_header, female_rule, $format_note) FROM stage_cells WHERE female_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, $total_column, total_rule, count_explanation(total_t, $total_header, total_rule, $format_note) FROM stage_cells WHERE total_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, $total_column, 'total-mismatch',
       printf('"%s" in column "%s" is not males + females (%d + %d = %d); expected the total of each row to equal males plus females',
              total_t, $total_header, male::BIGINT, female::BIGINT, (male + female)::BIGINT)
FROM stage_cells WHERE good AND male + female <> total;

-- A comune with a bad row is reported at that row, not again as incomplete.
CREATE OR REPLACE TEMP TABLE stage_bad_comune AS
SELECT code FROM stage_cells WHERE age_rule IS NOT NULL OR male_rule IS NOT NULL OR female_rule IS NOT NULL OR total_rule IS NOT NULL
UNION
SELECT code FROM stage_good WHERE male + female <> total;

-- A comune and age given again: each later row points back at the first. A file written twice over has
-- one per row, so all are counted (from the groups alone) but only as many as a message lists are found
-- and worded: one grouping and a join that stops there, as a window sorting every row would cost far more.
CREATE OR REPLACE TEMP TABLE stage_repeated AS
SELECT code, age, min(record) AS first_record, count(*) - 1 AS repeats FROM stage_good GROUP BY code, age HAVING count(*) > 1;

INSERT INTO stage_error
SELECT $file_id, later.record, NULL, $age_column, 'duplicate-key',
       printf('age %d of comune %s was already given on %s; expected one value per comune, year, variable, sex and age band', later.age, later.code, '{line:' || first.first_record || '}')
FROM stage_good later JOIN stage_repeated first USING (code, age)
WHERE later.record > first.first_record
ORDER BY later.record LIMIT $listed;

INSERT INTO stage_error_unlisted
SELECT $file_id, sum(repeats) - $listed FROM stage_repeated HAVING sum(repeats) > $listed;

DROP TABLE stage_repeated;

-- Per comune: every age 0…100 present, and a 999 row equal to the sum of the ages.
INSERT INTO stage_error
WITH per_comune AS (
  SELECT code, min(record) AS first_record,
         count(DISTINCT age) FILTER (WHERE age <= 100) AS ages,
         list(DISTINCT age ORDER BY age) FILTER (WHERE age <= 100) AS present,
         sum(male) FILTER (WHERE age <= 100) AS male, sum(female) FILTER (WHERE age <= 100) AS female, sum(total) FILTER (WHERE age <= 100) AS total,
         min(record) FILTER (WHERE age = 999) AS total_record,
         sum(male) FILTER (WHERE age = 999) AS male_999, sum(female) FILTER (WHERE age = 999) AS female_999, sum(total) FILTER (WHERE age = 999) AS total_999
  FROM stage_good
  WHERE code NOT IN (SELECT code FROM stage_bad_comune)
  GROUP BY code
)
SELECT $file_id, first_record, NULL, $code_column, 'missing-total',
       printf('comune %s has no row for age 999 (its total); expected one besides its ages 0-100', code)
FROM per_comune WHERE total_record IS NULL
UNION ALL
SELECT $file_id, first_record, NULL, $age_column, 'missing-age',
       printf('comune %s has no row for age %s; expected one row for each age from 0 to 100, and 999 for the total',
              code, array_to_string(list_filter(range(0, 101), a -> NOT list_contains(present, a))[1:5], ', '))
FROM per_comune WHERE coalesce(ages, 0) < 101
UNION ALL
SELECT $file_id, total_record, NULL, column_index, 'total-mismatch',
       printf('"%d" in column "%s" on the age 999 row of comune %s is not the sum of its ages 0-100 (%d); expected the 999 row to equal the sum of the ages',
              given::BIGINT, header, code, summed::BIGINT)
FROM per_comune,
     LATERAL (VALUES ($male_column, $male_header, male_999, male), ($female_column, $female_header, female_999, female), ($total_column, $total_header, total_999, total)) v(column_index, header, given, summed)
WHERE total_record IS NOT NULL AND ages = 101 AND given <> summed;

DROP TABLE stage_bad_comune;

-- Only the comuni with each age once are gathered into lists: a list is held whole in memory, so one
-- gathered from a comune repeated throughout a big file would exceed memory_limit.
INSERT INTO ages_raw
SELECT $source_id, $file_id, code, min(record), $code_column, $year, $variable,
       list(male ORDER BY age), list(female ORDER BY age)
FROM stage_good
WHERE age <= 100
  AND code IN (SELECT code FROM stage_good WHERE age <= 100 GROUP BY code HAVING count(*) = 101 AND count(DISTINCT age) = 101)
GROUP BY code;

DROP VIEW stage_good;
DROP TABLE stage_cells;
