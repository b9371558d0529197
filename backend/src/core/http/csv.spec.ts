import { expect, it } from 'vitest';
import { csvNumber, toCsv } from './csv.js';
import { column } from './table.js';

it('writes the Italian dialect: BOM, ";", decimal comma, quotes where RFC 4180 asks, nulls empty', () => {
  type Row = { a: string | null; b: number | null };
  const columns = [column<Row>('a', 'utf8', (r) => r.a), column<Row>('b', 'float64', (r) => r.b)];
  expect(toCsv(columns, [{ a: 'x; "y"', b: 1.5 }, { a: 'two\nlines', b: null }, { a: 'a,b', b: Number.NaN }, { a: null, b: -1234567.25 }])).toBe(
    '\uFEFFa;b\r\n"x; ""y""";1,5\r\n"two\nlines";\r\na,b;\r\n;-1234567,25\r\n',
  );
});

it('never writes a number in exponent form', () => {
  expect(csvNumber(1e-7)).toBe('0,0000001');
  expect(csvNumber(12)).toBe('12');
  expect(csvNumber(0.000123)).toBe('0,000123');
});
