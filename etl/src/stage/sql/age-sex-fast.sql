-- ISTAT's POSAS / STRASA layout, one file, in one pass: DuckDB's reader parses the numbers (view
-- fast_rows: code_t, age, male, female, total) and one aggregation per comune gives its single ages and
-- every count a check needs. Only a file for which fast_verdict finds no problem at all is kept from
-- here; any other is read again cell by cell (age-sex.sql) to say what is wrong and where.
CREATE OR REPLACE TEMP TABLE fast_comune AS
SELECT code_t,
       count(*) AS row_count,
       count(*) FILTER (WHERE age BETWEEN 0 AND 100) AS age_rows,
       count(DISTINCT age) FILTER (WHERE age BETWEEN 0 AND 100) AS distinct_ages,
       count(*) FILTER (WHERE age = 999) AS total_rows,
       count(*) FILTER (WHERE age IS NULL OR NOT (age BETWEEN 0 AND 100 OR age = 999)
                          OR male IS NULL OR female IS NULL OR total IS NULL
                          OR male < 0 OR female < 0 OR isinf(male) OR isinf(female) OR isinf(total)
                          OR male <> round(male) OR female <> round(female) OR total <> round(total)
                          OR male + female <> total) AS bad_rows,
       list(male ORDER BY age) FILTER (WHERE age BETWEEN 0 AND 100) AS male_ages,
       list(female ORDER BY age) FILTER (WHERE age BETWEEN 0 AND 100) AS female_ages,
       sum(male) FILTER (WHERE age BETWEEN 0 AND 100) AS male_sum, sum(male) FILTER (WHERE age = 999) AS male_999,
       sum(female) FILTER (WHERE age BETWEEN 0 AND 100) AS female_sum, sum(female) FILTER (WHERE age = 999) AS female_999,
       sum(total) FILTER (WHERE age BETWEEN 0 AND 100) AS total_sum, sum(total) FILTER (WHERE age = 999) AS total_999
FROM fast_rows
-- A line of one cell (ISTAT's "Nota: …") is not data.
WHERE NOT (age IS NULL AND male IS NULL AND female IS NULL AND total IS NULL)
GROUP BY code_t;

CREATE OR REPLACE TEMP TABLE fast_verdict AS
SELECT count(*) FILTER (WHERE code_problem(code_t) IS NOT NULL OR bad_rows > 0 OR age_rows <> 101 OR distinct_ages <> 101 OR total_rows <> 1
                          OR male_sum <> male_999 OR female_sum <> female_999 OR total_sum <> total_999) AS problems,
       count(*) AS comuni,
       coalesce(sum(row_count), 0) AS rows
FROM fast_comune;
