-- The load's working tables, temporary (they never reach the snapshot): which files were staged, the
-- problems found in them, and every value read, keyed on the comune code as published.
CREATE OR REPLACE TEMP TABLE stage_file (
  file_id       INTEGER PRIMARY KEY,
  source_id     VARCHAR NOT NULL,
  path          VARCHAR NOT NULL,   -- relative to the data folder, as messages name it
  read_path     VARCHAR NOT NULL,   -- the file DuckDB read (a UTF-8 copy for windows-1252)
  first_line    INTEGER NOT NULL,   -- physical line after the header
  sha256        VARCHAR NOT NULL,
  bytes         BIGINT NOT NULL,
  year          INTEGER,
  rows_read     BIGINT NOT NULL DEFAULT 0,
  not_published BIGINT NOT NULL DEFAULT 0
);

CREATE OR REPLACE TEMP TABLE stage_error (
  file_id      INTEGER NOT NULL,
  record       BIGINT,              -- data record (0-based, in file order), when the problem is a row's
  line         INTEGER,             -- physical line, when known without locating the record
  column_index INTEGER NOT NULL,    -- 1-based field; 0 for the whole file
  rule         VARCHAR NOT NULL,
  explanation  VARCHAR NOT NULL     -- may refer to other rows as {line:RECORD} or {at:FILE_ID:RECORD}
);

-- Problems counted but not worded: beyond the first ones of a rule that a message lists.
CREATE OR REPLACE TEMP TABLE stage_error_unlisted (
  file_id  INTEGER NOT NULL,
  problems BIGINT NOT NULL
);

-- The physical lines of the rows DuckDB's reader refused: they are not stored, so the records after them
-- start further down the file than their number says.
CREATE OR REPLACE TEMP TABLE stage_rejected_line (
  file_id INTEGER NOT NULL,
  line    BIGINT NOT NULL
);

CREATE OR REPLACE TEMP TABLE obs_raw (
  source_id   VARCHAR NOT NULL,
  file_id     INTEGER NOT NULL,
  record      BIGINT,               -- NULL for values the load adds (the zeros of a register that covers a regione)
  code        VARCHAR NOT NULL,     -- comune code as published, 6 digits; may be a suppressed comune's
  code_column INTEGER,
  year        INTEGER NOT NULL,
  variable    VARCHAR NOT NULL,
  sex         VARCHAR NOT NULL,
  age_from    SMALLINT NOT NULL,
  age_to      SMALLINT,             -- NULL: open ended
  value       DOUBLE NOT NULL
);

-- Every comune code each file gives a row for (whether or not its cells hold values): what the file
-- claims to cover, so that a truncated file is caught by the quality checks.
CREATE OR REPLACE TEMP TABLE stage_code (
  source_id VARCHAR NOT NULL,
  file_id   INTEGER NOT NULL,
  code      VARCHAR NOT NULL
);

-- Residents by single year of age as published: one row per file and comune code as published, year and
-- variable, with its residents by age as two vectors (element i + 1 holds age i, 0…100, 100 meaning 100
-- and over), men and women side by side. A vector per comune keeps Italy's ten years at 80 thousand rows.
CREATE OR REPLACE TEMP TABLE ages_raw (
  source_id   VARCHAR NOT NULL,
  file_id     INTEGER NOT NULL,
  code        VARCHAR NOT NULL,
  record      BIGINT,               -- the comune's first data record (as stored: rowid), for the line in messages
  code_column INTEGER NOT NULL,
  year        INTEGER NOT NULL,
  variable    VARCHAR NOT NULL,
  male        DOUBLE[] NOT NULL,
  female      DOUBLE[] NOT NULL
);
