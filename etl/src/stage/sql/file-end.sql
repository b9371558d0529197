-- Run after a file's layout: a file with no data rows at all.
INSERT INTO stage_error
SELECT $file_id, NULL, $header_line, 0, 'empty-file',
       printf('the file has a header on line %d but no data rows; expected one row per comune (is the file truncated?)', $header_line)
FROM stage_file WHERE file_id = $file_id AND rows_read = 0
  AND NOT EXISTS (SELECT 1 FROM stage_error WHERE file_id = $file_id);
