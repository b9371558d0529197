-- The register layout, one file, second part: every kept row's comune (its code, or its name matched
-- in register_name), year and value cells checked; the values of good rows summed per comune, year and
-- variable into obs_raw, at the comune's first row. A name that matches no comune, or several, is
-- reported once, at the first row that has it. An empty value cell is not published: skipped and counted.
-- A comune absent from the register gets no value (not a zero), and the file claims no coverage in
-- stage_code: a register lists the comuni that have a service, not every comune of its provinces.

CREATE OR REPLACE TEMP TABLE register_row_code AS
SELECT r.record, r.code_t, r.name_t, r.year_t, r.values_t,
       CASE WHEN $by_name THEN n.code WHEN code_problem(r.code_t) IS NULL THEN comune_code(r.code_t) END AS code,
       CASE WHEN $by_name THEN n.rule ELSE code_problem(r.code_t) END AS code_rule,
       n.first_record, n.column_index AS name_problem_column, n.explanation AS name_explanation,
       CASE WHEN CAST($year AS INTEGER) IS NOT NULL OR regexp_full_match(coalesce(r.year_t, ''), '\d{4}') THEN NULL ELSE 'bad-year' END AS year_rule
FROM register_rows r
LEFT JOIN register_name n ON $by_name AND n.name_t IS NOT DISTINCT FROM r.name_t AND n.prov_t IS NOT DISTINCT FROM r.prov_t;

CREATE OR REPLACE TEMP TABLE register_cells AS
SELECT c.record, c.code, c.code_rule, c.year_rule, c.year_t, s.variable, s.column_index, s.header,
       c.values_t[s.value_index] AS value_t,
       CASE WHEN coalesce(c.values_t[s.value_index], '') = '' THEN 'not-published' ELSE count_problem(c.values_t[s.value_index], $pattern) END AS value_rule
FROM register_row_code c CROSS JOIN register_spec s;

INSERT INTO stage_error
SELECT $file_id, record, NULL, name_problem_column, code_rule, name_explanation
FROM register_row_code WHERE $by_name AND code_rule IS NOT NULL AND record = first_record
UNION ALL
SELECT $file_id, record, NULL, $code_column, code_rule, code_explanation(code_t, $code_header)
FROM register_row_code WHERE NOT $by_name AND code_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, $year_column, year_rule, cell_explanation(year_t, $year_header, 'is not a year', 'a year of 4 digits, like 2024')
FROM register_row_code WHERE code_rule IS NULL AND year_rule IS NOT NULL
UNION ALL
SELECT $file_id, record, NULL, column_index, value_rule, count_explanation(value_t, header, value_rule, $format_note)
FROM register_cells WHERE code_rule IS NULL AND value_rule IS NOT NULL AND value_rule <> 'not-published';

INSERT INTO obs_raw
SELECT $source_id, $file_id, min(record), code, $code_column, coalesce(CAST($year AS INTEGER), CAST(year_t AS INTEGER)) AS year, variable, 'T', 0, NULL,
       sum(count_value(value_t, $pattern, $thousands))
FROM register_cells
WHERE code_rule IS NULL AND year_rule IS NULL AND value_rule IS NULL
GROUP BY code, coalesce(CAST($year AS INTEGER), CAST(year_t AS INTEGER)), variable;

UPDATE stage_file SET not_published = (SELECT count(*) FROM register_cells WHERE code_rule IS NULL AND value_rule = 'not-published') WHERE file_id = $file_id;
