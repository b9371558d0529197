import { describe, expect, it } from 'vitest';
import { SourceErrors } from '../sources/errors.js';
import { located, onlyErrorOf, sourceErrorsOf } from '../sources/testing/source-errors.js';
import { buildCrosswalk } from './crosswalk.js';
import { harmoniseObservations } from './harmonise.js';
import type { ObservationInput, SuppressedInput } from './input.js';
import { ALBAREDO_INCORPORATION, COLLI_VERDI_MERGER, CURRENT_CODES, observation, suppression } from './testing/territory.js';

const REFERENCE_DATE = '2025-01-01';
const POSAS = 'population/POSAS_2025_it_Comuni.csv';
/** A value read from the POSAS file, its code in column 1. */
const posas = (code: string, year: number, value: number, line: number, fields: Partial<ObservationInput> = {}) =>
  observation({ code, year, value, file: POSAS, line, codeColumn: 1, ...fields });

const PAVIA_HISTORY: readonly SuppressedInput[] = [
  ...COLLI_VERDI_MERGER,
  ALBAREDO_INCORPORATION,
  suppression('018833', 'Fossarmato', '1939-07-13', '018060', true),
  suppression('018833', 'Fossarmato', '1939-07-13', '018110', true),
  suppression('031701', 'Aidussina', '1947-09-16', ''),
];
const harmonise = (observations: readonly ObservationInput[], history: readonly SuppressedInput[] = PAVIA_HISTORY) =>
  harmoniseObservations(observations, CURRENT_CODES, buildCrosswalk(history, CURRENT_CODES), REFERENCE_DATE);

describe('harmoniseObservations', () => {
  it('passes a value of a current comune through', () => {
    expect(harmonise([posas('018110', 2024, 70_971, 12)])).toEqual([
      { territoryCode: '018110', year: 2024, variable: 'pop_res', sex: 'T', ageBand: 'TOT', value: 70_971, sourceId: 'istat_posas', sourceCodes: ['018110'], origin: `${POSAS}:12` },
    ]);
  });

  it('sums the comuni of a merger onto the new comune and lists them', () => {
    const result = harmonise([posas('018028', 2018, 300, 5), posas('018132', 2018, 200, 6), posas('018170', 2018, 500, 7), posas('018110', 2018, 72_576, 8)]);
    expect(result).toEqual([
      { territoryCode: '018193', year: 2018, variable: 'pop_res', sex: 'T', ageBand: 'TOT', value: 1000, sourceId: 'istat_posas', sourceCodes: ['018028', '018132', '018170'], origin: `${POSAS}:5` },
      { territoryCode: '018110', year: 2018, variable: 'pop_res', sex: 'T', ageBand: 'TOT', value: 72_576, sourceId: 'istat_posas', sourceCodes: ['018110'], origin: `${POSAS}:8` },
    ]);
  });

  it('keeps years, sexes and age bands apart when summing', () => {
    const result = harmonise([
      posas('018028', 2018, 150, 5, { sex: 'M' }),
      posas('018132', 2018, 100, 6, { sex: 'M' }),
      posas('018028', 2018, 10, 7, { ageBand: 'Y0-11' }),
      posas('018132', 2018, 20, 8, { ageBand: 'Y0-11' }),
      posas('018028', 2017, 310, 9),
    ]);
    expect(result.map((o) => [o.territoryCode, o.year, o.sex, o.ageBand, o.value])).toEqual([
      ['018193', 2018, 'M', 'TOT', 250],
      ['018193', 2018, 'T', 'Y0-11', 30],
      ['018193', 2017, 'T', 'TOT', 310],
    ]);
  });

  it('sums an incorporated comune with the comune that took it in for years before the incorporation', () => {
    // 018002 went into 018026 on 2023-11-18: on 1 January 2018 and 2023 both still existed.
    const result = harmonise([posas('018002', 2018, 150, 3), posas('018026', 2018, 600, 4), posas('018026', 2023, 590, 5), posas('018002', 2023, 140, 6)]);
    expect(result.map((o) => [o.territoryCode, o.year, o.value, o.sourceCodes])).toEqual([
      ['018026', 2018, 750, ['018002', '018026']],
      ['018026', 2023, 730, ['018026', '018002']],
    ]);
  });

  it('refuses a value under a suppressed code for a year after its suppression', async () => {
    const error = await onlyErrorOf(() => harmonise([posas('018026', 2024, 730, 3), posas('018002', 2024, 140, 4)]));
    expect(error).toMatchObject({ file: POSAS, line: 4, column: 1, rule: 'suppressed-comune' });
    expect(error.message).toBe(
      `${POSAS}:4:1: comune 018002 was suppressed on 2023-11-18 (today part of 018026), so it has no residents on 1 January 2024; expected the code valid on that date [suppressed-comune]`,
    );
  });

  it('counts 1 January of the merger date as after the merger', async () => {
    // Colli Verdi exists from 1 January 2019: a 2019 value of Canevino is already part of it.
    const error = await onlyErrorOf(() => harmonise([posas('018028', 2019, 300, 3), posas('018193', 2019, 1074, 4)]));
    expect(error).toMatchObject({ line: 3, rule: 'suppressed-comune' });
  });

  it('refuses the same value from two sources, naming the other source and where it gave it', async () => {
    const error = await onlyErrorOf(() =>
      harmonise([
        posas('018028', 2018, 300, 3),
        observation({ sourceId: 'pavia_wide', code: '018193', year: 2018, value: 1074, file: 'population/pavia.csv', line: 4, codeColumn: 2 }),
      ]),
    );
    expect(error).toMatchObject({ file: 'population/pavia.csv', line: 4, column: 2, rule: 'duplicate-key' });
    expect(error.message).toContain(`is also given by source istat_posas (${POSAS}:3)`);
  });

  it('refuses a code that is neither current nor suppressed, with the file, line and column of the value', async () => {
    const error = await onlyErrorOf(() => harmonise([posas('018999', 2024, 10, 7)]));
    expect(error.message).toBe(`${POSAS}:7:1: comune code "018999" is not a comune on 2025-01-01 nor in ISTAT's list of suppressed comuni; expected a valid ISTAT comune code [unknown-comune]`);
  });

  it('names the source when a generated value has no file', async () => {
    const error = await onlyErrorOf(() => harmonise([observation({ sourceId: 'demo', code: '018999', year: 2024, value: 10 })]));
    expect(error).toMatchObject({ file: 'demo', line: 0, column: 0, rule: 'unknown-comune' });
  });

  it('refuses a comune split among several comuni, and one suppressed without a successor', async () => {
    const errors = await sourceErrorsOf(() => harmonise([posas('018833', 1936, 900, 3), posas('031701', 1936, 4000, 4)]));
    expect(errors.map((e) => e.message)).toEqual([
      `${POSAS}:3:1: comune 018833 was split among several comuni on 1939-07-13 and its values cannot be assigned to one current comune [untraceable-comune]`,
      `${POSAS}:4:1: comune 031701 was suppressed on 1947-09-16 and its values cannot be assigned to one current comune [untraceable-comune]`,
    ]);
  });

  it('reports every bad value together', () => {
    const observations = [
      posas('018110', 2024, 70_971, 2),
      posas('018999', 2024, 10, 3),
      posas('018833', 2024, 20, 4),
      posas('018026', 2024, 730, 5),
      posas('018002', 2024, 140, 6),
      observation({ sourceId: 'pavia_wide', code: '018110', year: 2024, value: 70_971, file: 'population/pavia.csv', line: 9, codeColumn: 2 }),
    ];
    let thrown: unknown;
    try {
      harmonise(observations);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SourceErrors);
    const errors = (thrown as SourceErrors).errors;
    expect(errors.map(located)).toEqual([
      { file: POSAS, line: 3, column: 1, rule: 'unknown-comune' },
      { file: POSAS, line: 4, column: 1, rule: 'untraceable-comune' },
      { file: POSAS, line: 6, column: 1, rule: 'suppressed-comune' },
      { file: 'population/pavia.csv', line: 9, column: 2, rule: 'duplicate-key' },
    ]);
    expect((thrown as SourceErrors).message.split('\n')[0]).toBe(`4 problems in ${POSAS}, population/pavia.csv:`);
  });

  it('refuses, along a chain A → B (1928) → C (2019), a 2018 value of A that B already counts', async () => {
    const history = [suppression('018901', 'A', '1928-07-28', '018028'), ...COLLI_VERDI_MERGER];
    const error = await onlyErrorOf(() => harmonise([posas('018901', 2018, 10, 3), posas('018028', 2018, 300, 4)], history));
    expect(error).toMatchObject({ line: 3, rule: 'suppressed-comune' });
  });
});
