-- ISTAT's POSAS / STRASA layout, one file, in one pass: DuckDB's reader parses the numbers (view
-- fast_rows: code_t, the code cell as published; age, male, female, total; one_cell, a line giving its
-- first field only) into fast_ages, and one aggregation per comune counts every problem a check looks
-- for (fast_comune), with counts and sums only:
-- the comuni's ages are gathered into vectors (age-sex-fast-keep.sql) only once fast_verdict finds none.
-- Any other file is read again cell by cell (age-sex.sql) to say what is wrong and where.
-- In file order (rowid is the data record): a line of one cell (ISTAT's "Nota: …") is not data.
CREATE OR REPLACE TEMP TABLE fast_ages AS
SELECT * FROM fast_rows;

-- A clean comune has 102 good rows: each age 0…100 once (one bit per age, in two words) and one 999 row,
-- whose men and women are the sums of the ages (the totals follow, since every row's men and women add
-- up to its total). Nothing here is a list: a comune repeated throughout a big file takes no more memory than any other.
-- Counts above 10^12 are left to the cell-by-cell reading: below, sums of doubles are exact in any order.
-- NaN, which DuckDB's reader takes for a number, is not between 0 and 10^12.
CREATE OR REPLACE TEMP TABLE fast_comune AS
SELECT code_t,
       one_cell AS note,
       count(*) AS rows,
       min(rowid) AS first_row,
       max(rowid) AS last_row,
       count(*) FILTER (WHERE (age BETWEEN 0 AND 100 OR age = 999) AND male BETWEEN 0 AND 1e12 AND female BETWEEN 0 AND 1e12
                          AND male = round(male) AND female = round(female) AND male + female = total) AS good_rows,
       bit_or(CASE WHEN age BETWEEN 0 AND 49 THEN 1::BIGINT << age END) AS ages_0_49,
       bit_or(CASE WHEN age BETWEEN 50 AND 100 THEN 1::BIGINT << (age - 50) END) AS ages_50_100,
       count(*) FILTER (WHERE age = 999) AS total_rows,
       sum(CASE WHEN age = 999 THEN -male ELSE male END) AS male_balance,
       sum(CASE WHEN age = 999 THEN -female ELSE female END) AS female_balance
FROM fast_ages
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE fast_verdict AS
WITH data AS (SELECT * FROM fast_comune WHERE NOT note)
SELECT count(*) FILTER (WHERE code_problem(code_t) IS NOT NULL OR rows <> 102 OR good_rows <> 102 OR total_rows <> 1
                          OR ages_0_49 <> (1::BIGINT << 50) - 1 OR ages_50_100 <> (1::BIGINT << 51) - 1
                          OR male_balance <> 0 OR female_balance <> 0)
         -- one comune under two codes as published (018110 and 18110)
         + count(*) - count(DISTINCT comune_code(code_t))
         -- data after a note line: the cell-by-cell reading ends the data at the first note
         + count(*) FILTER (WHERE last_row > (SELECT min(first_row) FROM fast_comune WHERE note)) AS problems,
       count(*) AS comuni,
       sum(rows) AS rows
FROM data;
