import type { Column } from './table.js';

/** RFC 4180 CSV: comma separated, CRLF line ends, '.' decimals, a header row, empty cells for null. */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => field(c.name))];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))));
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
