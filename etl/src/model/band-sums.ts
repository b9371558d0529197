/**
 * The SQL that sums residents by single year of age into every requested age band, in one pass over
 * observation_ages: one slice sum of each comune's vector per band and sex. The bands (codes and bounds)
 * come from the validated datasets/age_bands.yaml, never from a request, so they are written into the SQL.
 */
import { OPEN_AGE, type AgeBand } from '../catalog/age-bands.js';

export function bandSumsSql(bands: readonly AgeBand[]): string {
  if (bands.length === 0) return `CREATE OR REPLACE TEMP TABLE age_band_sum (source_id VARCHAR, territory_code VARCHAR, year INTEGER, variable VARCHAR, band VARCHAR, male DOUBLE, female DOUBLE)`;
  const sums = bands.map((band) => {
    if (!/^(TOT|Y\d{1,3}-(\d{1,3})?)$/.test(band.code) || !Number.isInteger(band.from) || !(band.to === null || Number.isInteger(band.to))) {
      throw new Error(`age band ${band.code} is not a validated band`);
    }
    // Vectors are 1-based: age a is element a + 1.
    const slice = `[${band.from + 1}:${(band.to ?? OPEN_AGE) + 1}]`;
    return `{'band': '${band.code}', 'male': CAST(list_sum(male${slice}) AS DOUBLE), 'female': CAST(list_sum(female${slice}) AS DOUBLE)}`;
  });
  return `CREATE OR REPLACE TEMP TABLE age_band_sum AS
    SELECT source_id, territory_code, year, variable, s.band, s.male, s.female
    FROM (SELECT source_id, territory_code, year, variable, unnest([${sums.join(',\n        ')}]) AS s FROM observation_ages)`;
}
