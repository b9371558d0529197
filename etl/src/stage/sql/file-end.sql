-- Run after a file's layout: what it claims to cover, and a file with no data rows at all.
INSERT INTO stage_code
SELECT DISTINCT $source_id, $file_id, comune_code(code_t) FROM stage_rows
WHERE code_problem(code_t) IS NULL AND first_missing IS NULL AND NOT one_cell;

INSERT INTO stage_error
SELECT $file_id, NULL, $header_line, 0, 'empty-file',
       printf('the file has a header on line %d but no data rows; expected one row per comune (is the file truncated?)', $header_line)
FROM stage_file WHERE file_id = $file_id AND rows_read = 0;
