import { expect, it } from 'vitest';
import { indicatorTerms } from './indicator-terms.js';

it('lists numerator then denominator terms, variables with their lag and attributes apart', () => {
  const definition = {
    code: 'DEM_VAR',
    numerator: [{ variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 }, { variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 1, sign: -1 }],
    denominator: [{ attribute: 'area_km2', sign: 1 }],
  };
  expect(indicatorTerms(JSON.stringify(definition))).toEqual([
    { kind: 'variable', part: 'numerator', variable: 'pop_res', sex: 'T', ageBand: 'TOT', lag: 0, sign: 1 },
    { kind: 'variable', part: 'numerator', variable: 'pop_res', sex: 'T', ageBand: 'TOT', lag: 1, sign: -1 },
    { kind: 'attribute', part: 'denominator', attribute: 'area_km2', sign: 1 },
  ]);
});

it('gives a plain count no denominator terms', () => {
  expect(indicatorTerms(JSON.stringify({ numerator: [{ variable: 'pop_res' }], denominator: null }))).toEqual([
    { kind: 'variable', part: 'numerator', variable: 'pop_res', sex: 'T', ageBand: 'TOT', lag: 0, sign: 1 },
  ]);
});
