-- A clean file read in one pass (age-sex-fast.sql): its single ages and the comuni it covers. Each comune's
-- ages 0…100 are gathered as three lists in step (in any order: far cheaper than an ordered aggregate),
-- then put in age order where they are not already; a clean comune has 101 of them, so no list is long.
INSERT INTO ages_raw
WITH gathered AS (
  SELECT code_t, list(age) AS ages, list(male) AS males, list(female) AS females
  FROM fast_ages WHERE age <= 100 GROUP BY code_t
),
graded AS (
  SELECT *, CASE WHEN ages <> range(0, 101) THEN list_grade_up(ages) END AS grade FROM gathered
)
SELECT $source_id, $file_id, comune_code(code_t), c.first_row, $code_column, $year, $variable,
       CASE WHEN grade IS NULL THEN males ELSE list_select(males, grade) END,
       CASE WHEN grade IS NULL THEN females ELSE list_select(females, grade) END
FROM graded JOIN fast_comune c USING (code_t)
WHERE NOT c.note
ORDER BY c.first_row; -- in file order, as the cell-by-cell reading keeps them

INSERT INTO stage_code SELECT $source_id, $file_id, comune_code(code_t) FROM fast_comune WHERE NOT note;

UPDATE stage_file SET rows_read = (SELECT rows FROM fast_verdict) WHERE file_id = $file_id;
