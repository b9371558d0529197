-- ISTAT's POSAS / STRASA layout, one file, in one pass: DuckDB's reader parses the numbers (view
-- fast_rows: code_t, age, male, female, total) into fast_ages, and one aggregation per comune gathers its
-- ages into vectors and counts every problem a check looks for (fast_comune). Only a file for which
-- fast_verdict finds none is kept from here; any other is read again cell by cell (age-sex.sql) to say
-- what is wrong and where.
-- In file order (rowid): a line of one cell (ISTAT's "Nota: …") is not data.
CREATE OR REPLACE TEMP TABLE fast_ages AS
SELECT *, (age IS NULL AND male IS NULL AND female IS NULL AND total IS NULL) AS note FROM fast_rows;

CREATE OR REPLACE TEMP TABLE fast_comune AS
SELECT code_t,
       min(rowid) AS first_row,
       count(*) FILTER (WHERE age BETWEEN 0 AND 100) AS ages,
       -- all 101 ages, each once: 101 rows whose ages set all 101 bits
       bitstring_agg(age, 0, 100) FILTER (WHERE age BETWEEN 0 AND 100) AS present,
       count(*) FILTER (WHERE age = 999) AS total_rows,
       count(*) FILTER (WHERE age IS NULL OR NOT (age BETWEEN 0 AND 100 OR age = 999)
                          OR male IS NULL OR female IS NULL OR total IS NULL
                          OR male < 0 OR female < 0 OR isinf(male) OR isinf(female) OR isinf(total)
                          OR male <> round(male) OR female <> round(female) OR total <> round(total)
                          OR male + female <> total) AS bad_rows,
       sum(male) FILTER (WHERE age BETWEEN 0 AND 100) AS male_sum, sum(male) FILTER (WHERE age = 999) AS male_999,
       sum(female) FILTER (WHERE age BETWEEN 0 AND 100) AS female_sum, sum(female) FILTER (WHERE age = 999) AS female_999,
       sum(total) FILTER (WHERE age BETWEEN 0 AND 100) AS total_sum, sum(total) FILTER (WHERE age = 999) AS total_999,
       -- gathered in any order, the three lists in step, and put in age order once gathered
       -- (age-sex-fast-keep.sql): far cheaper than an ordered aggregate or sorting structs
       list(age) FILTER (WHERE age BETWEEN 0 AND 100) AS ages_listed,
       list(male) FILTER (WHERE age BETWEEN 0 AND 100) AS males_listed,
       list(female) FILTER (WHERE age BETWEEN 0 AND 100) AS females_listed
FROM fast_ages
WHERE NOT note
GROUP BY code_t;

CREATE OR REPLACE TEMP TABLE fast_verdict AS
SELECT count(*) FILTER (WHERE code_problem(code_t) IS NOT NULL OR bad_rows > 0 OR ages <> 101 OR present <> CAST(repeat('1', 101) AS BIT)
                          OR total_rows <> 1 OR male_sum <> male_999 OR female_sum <> female_999 OR total_sum <> total_999)
         -- data after a note line: the cell-by-cell reading ends the data at the first note
         + (SELECT count(*) FROM fast_ages WHERE NOT note AND rowid > (SELECT min(rowid) FROM fast_ages WHERE note)) AS problems,
       count(*) AS comuni,
       sum(ages + total_rows) AS rows
FROM fast_comune;
