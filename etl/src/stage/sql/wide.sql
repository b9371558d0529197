-- The wide layout, one file: one row per comune, one column per value, each column mapped by the
-- descriptor (stage_wide_spec) onto a variable, sex, age band and year (or a year column). Reads the
-- view stage_wide (record, code_t, value_index, value_t, year_t); writes the file's problems into
-- stage_error and its values into obs_raw. An empty value cell is not published: skipped and counted.

CREATE OR REPLACE TEMP TABLE stage_cells AS
SELECT w.record, w.code_t, w.value_index, w.value_t, w.year_t, s.*,
       code_problem(w.code_t) AS code_rule,
       CASE WHEN coalesce(w.value_t, '') = '' THEN 'not-published'
            WHEN s.kind = 'amount' THEN amount_problem(w.value_t, $pattern)
            ELSE count_problem(w.value_t, $pattern) END AS value_rule,
       CASE WHEN s.year IS NOT NULL OR regexp_full_match(coalesce(w.year_t, ''), '\d{4}') THEN NULL ELSE 'bad-year' END AS year_rule
FROM stage_wide w JOIN stage_wide_spec s USING (value_index)
WHERE w.first_missing IS NULL;

INSERT INTO stage_error
SELECT DISTINCT $file_id, record, NULL, $code_column, code_rule, code_explanation(code_t, $code_header) FROM stage_cells WHERE code_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, column_index, value_rule,
       CASE WHEN kind = 'amount' THEN amount_explanation(value_t, header, value_rule, $format_note) ELSE count_explanation(value_t, header, value_rule, $format_note) END
FROM stage_cells WHERE code_rule IS NULL AND value_rule IS NOT NULL AND value_rule <> 'not-published'
UNION ALL
SELECT $file_id, record, NULL, year_column, year_rule, cell_explanation(year_t, year_header, 'is not a year', 'a year of 4 digits, like 2021')
FROM stage_cells WHERE code_rule IS NULL AND year_rule IS NOT NULL AND value_rule IS NULL;

INSERT INTO obs_raw
SELECT $source_id, $file_id, record, comune_code(code_t), $code_column, coalesce(year, CAST(year_t AS INTEGER)), variable, sex, age_from, age_to,
       CASE WHEN kind = 'amount' THEN amount_value(value_t, $pattern, $thousands) ELSE count_value(value_t, $pattern, $thousands) END
FROM stage_cells
WHERE code_rule IS NULL AND value_rule IS NULL AND year_rule IS NULL;

UPDATE stage_file SET not_published = (SELECT count(*) FROM stage_cells WHERE code_rule IS NULL AND value_rule = 'not-published') WHERE file_id = $file_id;
