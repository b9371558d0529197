-- A clean file read in one pass (age-sex-fast.sql): its single ages and the comuni it covers.
INSERT INTO ages_raw
SELECT $source_id, $file_id, comune_code(code_t), first_row, $code_column, $year, $variable,
       males[1:101], females[1:101]
FROM fast_comune
ORDER BY first_row; -- in file order, as the cell-by-cell reading keeps them

INSERT INTO stage_code SELECT $source_id, $file_id, comune_code(code_t) FROM fast_comune;

UPDATE stage_file SET rows_read = (SELECT rows FROM fast_verdict) WHERE file_id = $file_id;
