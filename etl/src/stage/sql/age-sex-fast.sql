-- ISTAT's POSAS / STRASA layout, one file, in one pass: DuckDB's reader parses the numbers (view
-- fast_rows: code_t, age, male, female, total) into fast_ages, and one aggregation per comune gathers its
-- ages into vectors and counts every problem a check looks for (fast_comune). Only a file for which
-- fast_verdict finds none is kept from here; any other is read again cell by cell (age-sex.sql) to say
-- what is wrong and where.
-- In file order (rowid): a line of one cell (ISTAT's "Nota: …") is not data.
CREATE OR REPLACE TEMP TABLE fast_ages AS
SELECT *, (age IS NULL AND male IS NULL AND female IS NULL AND total IS NULL) AS note FROM fast_rows;

-- A comune with more rows than its 102 is not clean; its rows are not gathered, since a list is held whole
-- in memory and a file repeating its comuni (a big file written twice over) would exceed memory_limit.
CREATE OR REPLACE TEMP TABLE fast_crowded AS
SELECT code_t FROM fast_ages WHERE NOT note GROUP BY code_t HAVING count(*) > 102;

-- Each comune's rows gathered as three lists in step (in any order: far cheaper than an ordered
-- aggregate), then put in age order where they are not already. A clean comune has ages 0…100 once each
-- and one 999 row, last once ordered, whose men and women are the sums of the ages (the totals follow,
-- since every row's men and women add up to its total).
CREATE OR REPLACE TEMP TABLE fast_comune AS
WITH gathered AS (
  SELECT code_t,
         min(rowid) AS first_row,
         count(*) FILTER (WHERE age IS NULL OR NOT (age BETWEEN 0 AND 100 OR age = 999)
                          OR male IS NULL OR female IS NULL OR total IS NULL
                          OR male < 0 OR female < 0 OR isinf(male) OR isinf(female) OR isinf(total)
                          OR male <> round(male) OR female <> round(female) OR total <> round(total)
                          OR male + female <> total) AS bad_rows,
         list(age) AS ages, list(male) AS males, list(female) AS females
  FROM fast_ages
  WHERE NOT note AND NOT coalesce(code_t IN (SELECT code_t FROM fast_crowded), false)
  GROUP BY code_t
),
graded AS (
  SELECT *, CASE WHEN ages <> list_concat(range(0, 101), [999]) THEN list_grade_up(ages) END AS grade FROM gathered
)
SELECT code_t, first_row, bad_rows,
       CASE WHEN grade IS NULL THEN ages ELSE list_select(ages, grade) END AS ages,
       CASE WHEN grade IS NULL THEN males ELSE list_select(males, grade) END AS males,
       CASE WHEN grade IS NULL THEN females ELSE list_select(females, grade) END AS females
FROM graded;

CREATE OR REPLACE TEMP TABLE fast_verdict AS
SELECT count(*) FILTER (WHERE code_problem(code_t) IS NOT NULL OR bad_rows > 0 OR ages IS DISTINCT FROM list_concat(range(0, 101), [999])
                          OR list_sum(males[1:101]) <> males[102] OR list_sum(females[1:101]) <> females[102])
         + (SELECT count(*) FROM fast_crowded)
         -- data after a note line: the cell-by-cell reading ends the data at the first note
         + (SELECT count(*) FROM fast_ages WHERE NOT note AND rowid > (SELECT min(rowid) FROM fast_ages WHERE note)) AS problems,
       count(*) AS comuni,
       sum(len(ages)) AS rows
FROM fast_comune;
