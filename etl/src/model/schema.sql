-- Snapshot layout, schema version 5: the contract between the ETL (its only writer) and the API
-- (a read-only reader). Every value is keyed on today's comune codes: historical codes are summed
-- onto their successors through `crosswalk` before they reach `observation`.

CREATE TABLE snapshot_meta (
  key   VARCHAR PRIMARY KEY,  -- snapshot_id, schema_version, created_at, mode ('real' | 'demo'),
  value VARCHAR NOT NULL      -- reference_date (territory as of), fingerprint, ambiti_example, ambiti_note
);

CREATE TABLE load_run (
  run_id      VARCHAR PRIMARY KEY,
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  etl_version VARCHAR NOT NULL,
  data_dir    VARCHAR        -- NULL for the demo
);

CREATE TABLE source (
  source_id VARCHAR PRIMARY KEY,
  title     VARCHAR NOT NULL,
  publisher VARCHAR NOT NULL,
  licence   VARCHAR NOT NULL,
  url       VARCHAR,
  file      VARCHAR,           -- path relative to the data folder (or package) it was read from
  sha256    VARCHAR,
  rows_read BIGINT NOT NULL,
  synthetic BOOLEAN NOT NULL   -- true: generated for the demo, never real data
);

-- Every file a source was read from, as it was when loaded.
CREATE TABLE source_file (
  source_id      VARCHAR NOT NULL,
  file           VARCHAR NOT NULL,  -- relative to the data folder
  sha256         VARCHAR NOT NULL,
  bytes          BIGINT NOT NULL,
  year           INTEGER,           -- the reference year the file gives (POSAS_2025_… → 2025), if one
  rows_read      BIGINT NOT NULL,
  not_published  BIGINT NOT NULL    -- value cells the publisher left empty
);

-- Age bands indicator terms may name (datasets/age_bands.yaml); TOT is every age.
CREATE TABLE age_band (
  code     VARCHAR PRIMARY KEY,
  age_from SMALLINT NOT NULL,
  age_to   SMALLINT,                -- NULL: open ended
  name_it  VARCHAR NOT NULL,
  name_en  VARCHAR NOT NULL
);

-- Every territory of every level, as of the reference date.
CREATE TABLE territory (
  code        VARCHAR PRIMARY KEY, -- comune '018110', ambito as configured, provincia '018', regione '03', 'IT'
  level       VARCHAR NOT NULL CHECK (level IN ('comune', 'ambito', 'provincia', 'regione', 'italia')),
  name        VARCHAR NOT NULL,
  parent_code VARCHAR,             -- comune → provincia, ambito → provincia, provincia → regione, regione → IT
  valid_from  DATE,
  valid_to    DATE,                -- NULL: still valid
  area_km2    DOUBLE,
  area_source_id VARCHAR,          -- where area_km2 comes from (synthetic in the demo)
  source_id   VARCHAR NOT NULL
);

-- Every code a comune has had, with when it was valid (from the validity history).
CREATE TABLE comune_history (
  code       VARCHAR NOT NULL,
  name       VARCHAR NOT NULL,
  valid_from DATE NOT NULL,
  valid_to   DATE
);

-- Suppressed comune code → the current comune it lives on in (resolved through chains of mergers);
-- renumbered code → the same comune's current code.
CREATE TABLE crosswalk (
  old_code   VARCHAR PRIMARY KEY,
  new_code   VARCHAR,              -- NULL: cannot be traced onto one current comune
  event_date DATE NOT NULL,
  split      BOOLEAN NOT NULL,     -- scorporo: split among several comuni, cannot be summed onto one
  kind       VARCHAR NOT NULL CHECK (kind IN ('suppression', 'renumbering')) -- renumbering: moved to another provincia
);

CREATE TABLE ambito_member (
  ambito_code VARCHAR NOT NULL,
  comune_code VARCHAR NOT NULL,
  valid_from  DATE NOT NULL,
  valid_to    DATE
);

-- Which territories each territory contains, itself included (derived from territory and
-- ambito_member on the reference date; see containment.sql).
CREATE TABLE containment (
  container VARCHAR NOT NULL,
  code      VARCHAR NOT NULL,
  PRIMARY KEY (container, code)
);

-- The canonical model: territory × year × variable × sex × age → value, per source, in two tables.
-- Residents by single year of age and sex, where a source publishes them, are kept in observation_ages:
-- one row per comune, year, variable and source, with its residents by age as two vectors of 101 (element
-- i + 1 holds age i, 0…100, 100 meaning 100 and over; men and women side by side), so that Italy's 7,904
-- comuni × 101 ages × 2 sexes × 10 years are 80 thousand rows; the view observation_by_age gives them one
-- row per age. What a source publishes only as a band or a total is kept as published in `observation`.
-- Totals and bands are derived in SQL (value_resolved).
CREATE TABLE observation_ages (
  territory_code VARCHAR NOT NULL,   -- current comune code
  year           INTEGER NOT NULL,   -- reference 1 January of `year`
  variable       VARCHAR NOT NULL,
  source_id      VARCHAR NOT NULL,
  male           DOUBLE[] NOT NULL CHECK (len(male) = 101),
  female         DOUBLE[] NOT NULL CHECK (len(female) = 101)
);

CREATE VIEW observation_by_age AS
SELECT territory_code, year, variable, source_id, CAST(a.age AS SMALLINT) AS age, male[a.age + 1] AS male, female[a.age + 1] AS female
FROM observation_ages, range(0, 101) a(age);

CREATE TABLE observation (
  territory_code VARCHAR NOT NULL,   -- current comune code
  year           INTEGER NOT NULL,   -- reference 1 January of `year` (the tax year for incomes)
  variable       VARCHAR NOT NULL,   -- from the variable whitelist in datasets/sources.yaml
  sex            VARCHAR NOT NULL CHECK (sex IN ('T', 'M', 'F')),
  age_from       SMALLINT NOT NULL,
  age_to         SMALLINT,           -- NULL: open ended
  value          DOUBLE NOT NULL,
  source_id      VARCHAR NOT NULL
);

-- Which codes as published were summed into each current comune, year and source (a merger's old codes).
CREATE TABLE observation_origin (
  territory_code VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  source_id      VARCHAR NOT NULL,
  source_codes   VARCHAR[] NOT NULL
);

-- Each value the indicators read, per current comune and year: variable × sex × age band, derived from
-- single ages or read as published, from the preferred source (sources.yaml precedence). It is a view:
-- the sums of single ages are not stored but made on request from observation_ages, through each key's
-- age mask; value_chosen holds the rest.
-- The values the catalogue's indicators read, numbered; mask[i + 1] is 1 where age i is in the band.
CREATE TABLE value_key (
  key      INTEGER PRIMARY KEY,
  variable VARCHAR NOT NULL,
  sex      VARCHAR NOT NULL,
  band     VARCHAR NOT NULL,
  mask     DOUBLE[] NOT NULL CHECK (len(mask) = 101)
);

-- Comune-year-variables that more than one source (or a source as published and by single age) gives:
-- their values were chosen by precedence and are all in value_chosen.
CREATE TABLE contested_ages (
  territory_code VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  variable       VARCHAR NOT NULL
);

-- The resolved values that are not plain sums of one source's single ages: values as published, and
-- those of contested comune-year-variables.
CREATE TABLE value_chosen (
  territory_code VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  variable       VARCHAR NOT NULL,
  sex            VARCHAR NOT NULL,
  band           VARCHAR NOT NULL,   -- an age_band code, or TOT
  value          DOUBLE NOT NULL,
  source_id      VARCHAR NOT NULL,
  derived        BOOLEAN NOT NULL    -- summed from single ages, not read as published
);

-- (The sums are made before the contested are left out, so that the anti join holds sums, not vectors.)
CREATE VIEW value_resolved AS
SELECT territory_code, year, variable, sex, band, value, source_id, derived FROM value_chosen
UNION ALL
SELECT d.* FROM (
  SELECT a.territory_code, a.year, a.variable, k.sex, k.band,
         CASE k.sex WHEN 'M' THEN list_dot_product(a.male, k.mask)
                    WHEN 'F' THEN list_dot_product(a.female, k.mask)
                    ELSE list_dot_product(a.male, k.mask) + list_dot_product(a.female, k.mask) END AS value,
         a.source_id, true AS derived
  FROM observation_ages a
  JOIN value_key k ON k.variable = a.variable
) d
ANTI JOIN contested_ages c ON c.territory_code = d.territory_code AND c.year = d.year AND c.variable = d.variable;

-- The areas of intervention indicators belong to (datasets/indicators.yaml `areas`), in their order.
CREATE TABLE area (
  code     VARCHAR PRIMARY KEY,
  position INTEGER NOT NULL,
  name_it  VARCHAR NOT NULL,
  name_en  VARCHAR NOT NULL
);

-- The indicator catalogue the snapshot was computed with (from datasets/indicators.yaml). An indicator
-- is available when it has values (indicator_part rows); otherwise the reason says which input is missing
-- (indicator-availability.sql). An unavailable indicator is never published as zero.
-- The variables of datasets/sources.yaml: what the canonical model's values measure. The API reads the
-- kind (count or amount) here, to know which values small-number suppression protects.
CREATE TABLE variable (
  code      VARCHAR PRIMARY KEY,
  kind      VARCHAR NOT NULL CHECK (kind IN ('count', 'amount')),
  name_it   VARCHAR NOT NULL,
  name_en   VARCHAR NOT NULL,
  publisher VARCHAR            -- where a variable no connector reads yet is published
);

CREATE TABLE indicator (
  code                  VARCHAR PRIMARY KEY,
  position              INTEGER NOT NULL,
  definition            JSON NOT NULL,  -- the validated catalogue entry
  available             BOOLEAN NOT NULL,
  unavailable_reason_it VARCHAR,        -- NULL when available
  unavailable_reason_en VARCHAR
);

-- Additive parts of each indicator per current comune and year; a value is Σnumerator ÷ Σdenominator ×
-- multiplier at any level. A comune-year whose terms are incomplete has no row ("nessun dato").
CREATE TABLE indicator_part (
  indicator_code VARCHAR NOT NULL,
  territory_code VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  numerator      DOUBLE NOT NULL,
  denominator    DOUBLE,            -- NULL for a plain count (value = numerator)
  synthetic      BOOLEAN NOT NULL
  -- one row per (indicator_code, territory_code, year), by construction (indicator-parts.sql groups by
  -- them; a spec checks it); rows are written sorted by indicator and year, so that DuckDB's zone maps
  -- skip to them without the cost of an index.
);

-- The sums of indicator_part for every territory above the comune (Ambito, provincia, regione, IT) and
-- every indicator-year with data (indicator-aggregates.sql), so that the API reads a territory's sums as
-- one row; a comune's are its indicator_part row. Where none of a territory's comuni has data, comuni_with_data is 0 and the sums NULL.
CREATE TABLE indicator_aggregate (
  indicator_code   VARCHAR NOT NULL,
  territory_code   VARCHAR NOT NULL,
  year             INTEGER NOT NULL,
  numerator        DOUBLE,
  denominator      DOUBLE,
  comuni_with_data INTEGER NOT NULL,
  comuni_total     INTEGER NOT NULL,
  synthetic        BOOLEAN NOT NULL
);

CREATE TABLE indicator_source (
  indicator_code VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  source_id      VARCHAR NOT NULL
);

-- TopoJSON of the comuni of one provincia, geometries dissolved onto current codes;
-- each geometry has properties {code, name}.
CREATE TABLE boundary (
  provincia_code VARCHAR PRIMARY KEY,
  topojson       VARCHAR NOT NULL,
  source_id      VARCHAR NOT NULL
);

CREATE TABLE quality_issue (
  severity       VARCHAR NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  rule           VARCHAR NOT NULL,
  source_id      VARCHAR,
  territory_code VARCHAR,
  year           INTEGER,
  message        VARCHAR NOT NULL, -- in English, for engineers: `etl check`, the load's warnings and errors
  message_it     VARCHAR NOT NULL  -- the same in Italian, it-IT number formats, for the dashboard
);
