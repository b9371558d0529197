-- First for every file read cell by cell: how many data rows it has, and each row with a field missing.
-- Reads the view stage_data (the rows of stage_rows that are data: before ISTAT's note lines).
UPDATE stage_file SET rows_read = (SELECT count(*) FROM stage_data) WHERE file_id = $file_id;

INSERT INTO stage_error
SELECT $file_id, record, NULL, first_missing, 'wrong-column-count',
       printf('row has %d fields but the header on line %d has %d; expected %d fields separated by ''%s''', first_missing - 1, $header_line, $width, $width, $delim)
FROM stage_data WHERE first_missing IS NOT NULL;
