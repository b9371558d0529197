-- The register layout, one file, first part: one row per service unit (an RSA, a nursery). Reads the
-- view stage_data (record, first_missing, code_t, name_t, prov_t, type_t, year_t, values_t: the value
-- cells as a list) and the filter register_filter (the types to keep, as written in sources.yaml);
-- writes register_rows, the rows the file's values come from. Rows of other types are kept out by the
-- descriptor's choice and counted (register.ts reports them), never dropped unseen.

CREATE OR REPLACE TEMP MACRO register_type_key(m_t) AS lower(regexp_replace(trim(coalesce(m_t, '')), '\s+', ' ', 'g'));

CREATE OR REPLACE TEMP TABLE register_rows AS
SELECT * FROM stage_data
WHERE first_missing IS NULL
  AND (NOT $filtered OR register_type_key(type_t) IN (SELECT register_type_key(type) FROM register_filter));

-- The types left out, for the report: how many rows each.
CREATE OR REPLACE TEMP TABLE register_left_out AS
SELECT coalesce(nullif(trim(type_t), ''), '(empty)') AS type, count(*) AS n_rows
FROM stage_data WHERE first_missing IS NULL AND record NOT IN (SELECT record FROM register_rows)
GROUP BY ALL;

-- Each distinct comune name (and provincia) once, at the first row that has it: matched in Node.
CREATE OR REPLACE TEMP TABLE register_name_query AS
SELECT name_t, prov_t, min(record) AS first_record FROM register_rows GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE register_name (
  name_t       VARCHAR,
  prov_t       VARCHAR,
  code         VARCHAR,   -- the current comune the name is matched to; NULL when it is not
  first_record BIGINT,
  column_index INTEGER,   -- the cell a problem is reported at (the name's, or the provincia's)
  rule         VARCHAR,
  explanation  VARCHAR
);
