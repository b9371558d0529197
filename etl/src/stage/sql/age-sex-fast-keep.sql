-- A clean file read in one pass (age-sex-fast.sql): its single ages and the comuni it covers.
INSERT INTO ages_raw
SELECT $source_id, $file_id, comune_code(code_t), NULL, $code_column, $year, $variable,
       -- ages as gathered are nearly always 0…100 in order already; only the others are reordered
       CASE WHEN ages_listed = range(0, 101) THEN males_listed ELSE list_select(males_listed, list_grade_up(ages_listed)) END,
       CASE WHEN ages_listed = range(0, 101) THEN females_listed ELSE list_select(females_listed, list_grade_up(ages_listed)) END
FROM fast_comune
ORDER BY first_row; -- in file order, as the cell-by-cell reading keeps them

INSERT INTO stage_code SELECT $source_id, $file_id, comune_code(code_t) FROM fast_comune;

UPDATE stage_file SET rows_read = (SELECT rows FROM fast_verdict) WHERE file_id = $file_id;
