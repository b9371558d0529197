import { expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { column } from './table.js';

it('quotes what RFC 4180 asks to quote and leaves nulls empty', () => {
  type Row = { a: string | null; b: number | null };
  const columns = [column<Row>('a', 'utf8', (r) => r.a), column<Row>('b', 'float64', (r) => r.b)];
  expect(toCsv(columns, [{ a: 'x, "y"', b: 1.5 }, { a: 'two\nlines', b: null }, { a: null, b: Number.NaN }])).toBe('a,b\r\n"x, ""y""",1.5\r\n"two\nlines",\r\n,\r\n');
});
