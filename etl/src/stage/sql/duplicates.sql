-- One value per comune (as published), year, variable, sex and age band within a source, across all its
-- files: a repeat is reported at its later occurrence, pointing back at the first.
INSERT INTO stage_error
WITH numbered AS (
  SELECT source_id, file_id, record, code, code_column, year, variable, sex, age_from, age_to,
         row_number() OVER (PARTITION BY source_id, code, year, variable, sex, age_from, age_to ORDER BY file_id, record) AS nth,
         first_value(file_id) OVER (PARTITION BY source_id, code, year, variable, sex, age_from, age_to ORDER BY file_id, record) AS first_file,
         first_value(record) OVER (PARTITION BY source_id, code, year, variable, sex, age_from, age_to ORDER BY file_id, record) AS first_record
  FROM obs_raw
)
SELECT DISTINCT ON (file_id, record) file_id, record, NULL, code_column, 'duplicate-key',
       printf('%s %s %s %d of comune %s was already given on %s; expected one value per comune, year, variable, sex and age band',
              variable, sex, band_label(age_from, age_to), year, code,
              CASE WHEN first_file = file_id THEN '{line:' || first_record || '}' ELSE '{at:' || first_file || ':' || first_record || '}' END)
FROM numbered WHERE nth > 1
ORDER BY file_id, record, year, variable, sex, age_from;
