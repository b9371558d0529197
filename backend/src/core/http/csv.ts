import type { Column } from './table.js';

/**
 * CSV in the dialect of Italian spreadsheets, which Excel on Windows opens as columns: a UTF-8 byte order
 * mark, ';' between fields, decimal comma, CRLF line ends, a header row, empty cells for null; fields with
 * ';', '"' or a line break are quoted as RFC 4180 says.
 */
export const CSV_BOM = '\uFEFF';

export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [csvHeader(columns)];
  for (const row of rows) lines.push(csvLine(columns, row));
  return CSV_BOM + lines.join('');
}

export function csvHeader<Row>(columns: readonly Column<Row>[]): string {
  return `${columns.map((c) => csvField(c.name)).join(';')}\r\n`;
}

export function csvLine<Row>(columns: readonly Column<Row>[], row: Row): string {
  return `${columns.map((c) => csvField(c.value(row))).join(';')}\r\n`;
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? csvNumber(value) : '';
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number with a decimal comma and no thousands separator (1234,5), never in exponent form. */
export function csvNumber(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text.replace('.', ',');
  const digits = Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(value)))));
  return value.toFixed(digits).replace(/\.?0+$/, '').replace('.', ',');
}
