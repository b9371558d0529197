-- Snapshot layout, schema version 1: the contract between the ETL (its only writer) and the API
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

-- Suppressed comune code → the current comune it lives on in (resolved through chains of mergers).
CREATE TABLE crosswalk (
  old_code   VARCHAR PRIMARY KEY,
  new_code   VARCHAR,              -- NULL: cannot be traced onto one current comune
  event_date DATE NOT NULL,
  split      BOOLEAN NOT NULL      -- scorporo: split among several comuni, cannot be summed onto one
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

-- The canonical model: territory × year × variable × sex × age band → value.
CREATE TABLE observation (
  territory_code VARCHAR NOT NULL,  -- current comune code
  year           INTEGER NOT NULL,  -- reference 1 January of `year`
  variable       VARCHAR NOT NULL,  -- from the variable whitelist in datasets/sources.yaml
  sex            VARCHAR NOT NULL CHECK (sex IN ('T', 'M', 'F')),
  age_band       VARCHAR NOT NULL,  -- 'TOT', or 'Y<from>-<to>' / 'Y<from>-' (open ended)
  value          DOUBLE NOT NULL,
  source_id      VARCHAR NOT NULL,
  run_id         VARCHAR NOT NULL,
  source_codes   VARCHAR[] NOT NULL, -- the codes as published that were summed into this row
  PRIMARY KEY (territory_code, year, variable, sex, age_band)
);

-- The indicator catalogue the snapshot was computed with (from datasets/indicators.yaml).
CREATE TABLE indicator (
  code       VARCHAR PRIMARY KEY,
  position   INTEGER NOT NULL,
  definition JSON NOT NULL          -- the validated catalogue entry
);

-- Additive parts of each indicator per current comune and year; a value is Σnumerator ÷ Σdenominator ×
-- multiplier at any level. A comune-year whose terms are incomplete has no row ("nessun dato").
CREATE TABLE indicator_part (
  indicator_code VARCHAR NOT NULL,
  territory_code VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  numerator      DOUBLE NOT NULL,
  denominator    DOUBLE,            -- NULL for a plain count (value = numerator)
  synthetic      BOOLEAN NOT NULL,
  PRIMARY KEY (indicator_code, territory_code, year)
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
  severity       VARCHAR NOT NULL CHECK (severity IN ('warning', 'info')),
  rule           VARCHAR NOT NULL,
  source_id      VARCHAR,
  territory_code VARCHAR,
  year           INTEGER,
  message        VARCHAR NOT NULL
);
