-- Run after a file of the wide layout (the view stage_data): the comuni it gives rows for (age-sex.sql gives
-- them from its checked cells).
INSERT INTO stage_code
SELECT DISTINCT $source_id, $file_id, comune_code(code_t) FROM stage_data
WHERE code_problem(code_t) IS NULL AND first_missing IS NULL;
