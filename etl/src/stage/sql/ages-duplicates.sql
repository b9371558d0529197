-- The same comune, year and variable of a source given by two files (e.g. a file saved twice): each
-- later file's first row of that comune is an error pointing back at the first file's.
INSERT INTO stage_error
WITH given AS (
  SELECT source_id, code, year, variable, file_id, min(record) AS first_record, any_value(code_column) AS code_column FROM ages_raw
  WHERE (source_id, code, year, variable) IN (
    SELECT (source_id, code, year, variable) FROM ages_raw GROUP BY source_id, code, year, variable HAVING count(DISTINCT file_id) > 1)
  GROUP BY source_id, code, year, variable, file_id
),
ordered AS (
  SELECT *, row_number() OVER w AS nth, first_value(file_id) OVER w AS first_file, first_value(first_record) OVER w AS first_file_record
  FROM given WINDOW w AS (PARTITION BY source_id, code, year, variable ORDER BY file_id)
)
SELECT file_id, first_record, NULL, code_column, 'duplicate-key',
       printf('%s %d of comune %s was already given on %s; expected one value per comune, year, variable, sex and age band',
              variable, year, code, '{at:' || first_file || ':' || first_file_record || '}')
FROM ordered WHERE nth > 1;
