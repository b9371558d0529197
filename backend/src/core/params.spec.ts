import { expect, it } from 'vitest';
import { BadParameterError } from './errors.js';
import { parseChoice, parseCode, parseWholeNumber, parseYear, required } from './params.js';

it('takes absent and empty parameters as absent', () => {
  expect(parseChoice('level', undefined, ['a'])).toBeUndefined();
  expect(parseCode('parent', '')).toBeUndefined();
  expect(parseYear('year', undefined)).toBeUndefined();
});

it('names the parameter and what is allowed', () => {
  expect(() => parseChoice('level', 'x', ['a', 'b'])).toThrow(new BadParameterError('level', '"x" is not allowed; use one of a, b'));
  expect(() => parseYear('year', '24')).toThrow(/^year: "24" is not a year; use four digits/);
  expect(() => parseCode('parent', "018' OR 1=1")).toThrow(/^parent: .* is not a territory code/);
  expect(() => parseCode('parent', ['018', '019'])).toThrow('parent: give it once, as a single value');
});

it('accepts ISTAT, Italia and ambito codes', () => {
  for (const code of ['018110', '018', '03', 'IT', 'PV-T1', 'AMB_PV']) expect(parseCode('parent', code)).toBe(code);
  expect(parseYear('year', '2024')).toBe(2024);
});

it('reads whole numbers from a minimum, and refuses fractions, signs and numbers below it', () => {
  expect(parseWholeNumber('limit', '25', 1)).toBe(25);
  expect(parseWholeNumber('offset', '0', 0)).toBe(0);
  expect(parseWholeNumber('offset', undefined, 0)).toBeUndefined();
  expect(() => parseWholeNumber('limit', '0', 1)).toThrow('limit: "0" is not allowed; use a whole number from 1 up');
  for (const bad of ['2.5', '-1', '1e3', 'tutti']) expect(() => parseWholeNumber('offset', bad, 0)).toThrow(/^offset: /);
});

it('refuses a missing required parameter with an example', () => {
  expect(() => required('indicator', undefined, 'DEM_POP')).toThrow('indicator: is required, e.g. indicator=DEM_POP');
  expect(required('indicator', 'DEM_POP', 'DEM_POP')).toBe('DEM_POP');
});
