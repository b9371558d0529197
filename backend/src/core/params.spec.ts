import { expect, it } from 'vitest';
import { BadParameterError } from './errors.js';
import { parseChoice, parseCode, parseWholeNumber, parseYear, required } from './params.js';

it('takes absent and empty parameters as absent', () => {
  expect(parseChoice('level', undefined, ['a'])).toBeUndefined();
  expect(parseCode('parent', '')).toBeUndefined();
  expect(parseYear('year', undefined)).toBeUndefined();
});

it('names the parameter and what is allowed', () => {
  expect(() => parseChoice('level', 'x', ['a', 'b'])).toThrow('level: "x" is not allowed; use one of a, b');
  expect(() => parseYear('year', '24')).toThrow(/^year: "24" is not a year; use four digits/);
  expect(() => parseCode('parent', "018' OR 1=1")).toThrow(/^parent: .* is not a territory code/);
  expect(() => parseCode('parent', ['018', '019'])).toThrow('parent: give it once, as a single value');
});

it('says it in Italian too, with the allowed values or a description of them', () => {
  const refusal = (parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      return error as BadParameterError;
    }
    throw new Error('not refused');
  };
  const choice = refusal(() => parseChoice('level', 'x', ['a', 'b']));
  expect(choice).toMatchObject({ parameter: 'level', allowed: ['a', 'b'], text: { it: 'level: "x" non è ammesso; usare uno tra a, b' } });
  expect(refusal(() => parseYear('year', '24'))).toMatchObject({ allowed: { it: 'quattro cifre, es. 2024', en: 'four digits, e.g. 2024' }, text: { it: 'year: "24" non è un anno; usare quattro cifre, es. 2024' } });
  expect(refusal(() => required('indicator', undefined, 'DEM_POP')).text.it).toBe('indicator: è obbligatorio, es. indicator=DEM_POP');
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
