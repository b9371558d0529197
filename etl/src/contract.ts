/**
 * The snapshot contract between the ETL (the only writer of snapshots) and its readers (the API): the
 * schema and its version, the territory levels, the sexes, the age bands and the indicator catalogue's
 * schema. Readers import these from `@osservatorio/etl/contract` instead of keeping copies.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { SCHEMA_VERSION } from './publish/layout.js';
export { TERRITORY_LEVELS, type TerritoryLevel } from './model/territory-levels.js';
export { SEXES, type Sex } from './sources/descriptor.js';
export { OPEN_AGE, TOTAL_BAND, bandCode, loadAgeBands, type AgeBand } from './catalog/age-bands.js';
export { CI_METHODS, POLARITIES, TERRITORY_ATTRIBUTES, areaSchema, indicatorSchema, type Area, type CiMethod, type Indicator, type IndicatorTerm, type Polarity } from './catalog/indicators.js';

/** schema.sql, beside this module in src/ and in dist/ (the build copies .sql files there). */
export const SNAPSHOT_SCHEMA_FILE = fileURLToPath(new URL('./model/schema.sql', import.meta.url));

/** The DDL of a snapshot of version SCHEMA_VERSION. */
export function readSnapshotSchema(): string {
  return readFileSync(SNAPSHOT_SCHEMA_FILE, 'utf8');
}

/** Variable kinds (count | amount) are declared in datasets/sources.yaml; the API reads them to know which parts are counts. */
export { VARIABLE_KINDS } from './sources/descriptor.js';
