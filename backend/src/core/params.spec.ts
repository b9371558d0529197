import { expect, it } from 'vitest';
import { z } from 'zod';
import { BadParameterError } from './errors.js';
import { param, ZodQueryPipe } from './param-schemas.js';
import { parseChoice } from './params.js';

// The parameters as endpoints read them: a query string through a zod schema in a pipe.
const Schema = z.object({
  level: param.choice(['a', 'b'] as const),
  parent: param.territoryCode(),
  year: param.year(),
  limit: param.wholeNumber(1),
  offset: param.wholeNumber(0),
});
const Required = z.object({ indicator: param.text().required('DEM_POP') });
const read = (query: Record<string, unknown>, schema: z.ZodType = Schema) => new ZodQueryPipe(schema).transform(query, { type: 'query' });

it('takes absent and empty parameters as absent', () => {
  expect(read({})).toEqual({});
  expect(read({ parent: '', level: '' })).toEqual({});
  expect(parseChoice('level', undefined, ['a'])).toBeUndefined();
});

it('names the parameter and what is allowed', () => {
  expect(() => read({ level: 'x' })).toThrow('level: "x" is not allowed; use one of a, b');
  expect(() => parseChoice('level', 'x', ['a', 'b'])).toThrow('level: "x" is not allowed; use one of a, b');
  expect(() => read({ year: '24' })).toThrow(/^year: "24" is not a year; use four digits/);
  expect(() => read({ parent: "018' OR 1=1" })).toThrow(/^parent: .* is not a territory code/);
  expect(() => read({ parent: ['018', '019'] })).toThrow('parent: give it once, as a single value');
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
  const choice = refusal(() => read({ level: 'x' }));
  expect(choice).toMatchObject({ parameter: 'level', allowed: ['a', 'b'], text: { it: 'level: "x" non è ammesso; usare uno tra a, b' } });
  expect(refusal(() => read({ year: '24' }))).toMatchObject({ allowed: { it: 'quattro cifre, es. 2024', en: 'four digits, e.g. 2024' }, text: { it: 'year: "24" non è un anno; usare quattro cifre, es. 2024' } });
  expect(refusal(() => read({}, Required)).text.it).toBe('indicator: è obbligatorio, es. indicator=DEM_POP');
});

it('accepts ISTAT, Italia and ambito codes', () => {
  for (const code of ['018110', '018', '03', 'IT', 'PV-T1', 'AMB_PV']) expect(read({ parent: code })).toEqual({ parent: code });
  expect(read({ year: '2024' })).toEqual({ year: 2024 });
});

it('reads whole numbers from a minimum, and refuses fractions, signs and numbers below it', () => {
  expect(read({ limit: '25', offset: '0' })).toEqual({ limit: 25, offset: 0 });
  expect(() => read({ limit: '0' })).toThrow('limit: "0" is not allowed; use a whole number from 1 up');
  for (const bad of ['2.5', '-1', '1e3', 'tutti']) expect(() => read({ offset: bad })).toThrow(/^offset: /);
});

it('refuses a missing required parameter with an example', () => {
  expect(() => read({}, Required)).toThrow('indicator: is required, e.g. indicator=DEM_POP');
  expect(read({ indicator: 'DEM_POP' }, Required)).toEqual({ indicator: 'DEM_POP' });
});
