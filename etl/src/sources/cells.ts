/**
 * Parsers of single CSV cells as they are published (decimal commas, thousands dots, codes without
 * leading zeros, Italian dates). Each failure names the cell's file, line and column and the rule broken.
 */
import { excerpt, SourceError } from './errors.js';

export interface Cell {
  readonly file: string;
  readonly line: number;
  /** 1-based index of the field in its record. */
  readonly column: number;
  /** The column's name as published. */
  readonly header: string;
  /** The field's text, trimmed. */
  readonly text: string;
}

export interface NumberFormat {
  readonly decimal: '.' | ',';
  readonly thousands?: '.' | ',' | undefined;
}

interface AllowEmpty {
  readonly allowEmpty: true;
}

export function cellError(cell: Cell, rule: string, problem: string, expected: string): SourceError {
  const header = excerpt(cell.header);
  const found = cell.text === '' ? `the cell in column "${header}" is empty` : `"${excerpt(cell.text)}" in column "${header}" ${problem}`;
  return new SourceError({ file: cell.file, line: cell.line, column: cell.column, rule, explanation: `${found}; expected ${expected}` });
}

/** Any decimal number, with the separators the descriptor declares (`45,1668971` with decimal ','). */
export function parseDecimal(cell: Cell, format: NumberFormat): number;
export function parseDecimal(cell: Cell, format: NumberFormat, options: AllowEmpty): number | null;
export function parseDecimal(cell: Cell, format: NumberFormat, options?: AllowEmpty): number | null {
  const expected = `a decimal number like ${format.decimal === ',' ? '45,17' : '45.17'}`;
  if (cell.text === '') {
    if (options?.allowEmpty) return null;
    throw cellError(cell, 'not-a-number', 'is empty', expected);
  }
  const number = readNumber(cell, format, expected);
  return number.negative ? -number.value : number.value;
}

/** An Italian date, dd/mm/yyyy, as 'YYYY-MM-DD'. */
export function parseDateIt(cell: Cell): string;
export function parseDateIt(cell: Cell, options: AllowEmpty): string | null;
export function parseDateIt(cell: Cell, options?: AllowEmpty): string | null {
  if (cell.text === '' && options?.allowEmpty) return null;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell.text);
  const [day, month, year] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw cellError(cell, 'bad-date', 'is not a date', 'a date written dd/mm/yyyy, like 01/01/2019');
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISTAT comune code as 6 digits: `018110`, `18110` and `1001` (→ `001001`) are accepted. */
export function parseComuneCode(cell: Cell): string {
  return parseCode(cell, 6, 'an ISTAT comune code of 1 to 6 digits, like 018110');
}

/** A provincia (or other supra-comunal unit) code as 3 digits: `18` → `018`. */
export function parseProvinciaCode(cell: Cell): string {
  return parseCode(cell, 3, 'an ISTAT provincia code of 1 to 3 digits, like 018');
}

/** A regione code as 2 digits: `3` → `03`. */
export function parseRegioneCode(cell: Cell): string {
  return parseCode(cell, 2, 'an ISTAT regione code of 1 or 2 digits, like 03');
}

function parseCode(cell: Cell, digits: number, expected: string): string {
  const code = padCode(cell.text, digits);
  if (code === null) throw cellError(cell, 'bad-code', 'is not a code', expected);
  return code;
}

/** A code of 1 to `digits` digits, padded with leading zeros; null when the text is not such a code. */
export function padCode(text: string, digits: number): string | null {
  return DIGITS.test(text) && text.length <= digits ? text.padStart(digits, '0') : null;
}

export function parseYear(cell: Cell): number {
  if (!/^\d{4}$/.test(cell.text)) throw cellError(cell, 'bad-year', 'is not a year', 'a year of 4 digits, like 2021');
  return Number(cell.text);
}

/** A name or other required text. */
export function requireText(cell: Cell, what: string): string {
  if (cell.text === '') throw cellError(cell, 'empty-cell', 'is empty', what);
  return cell.text;
}

/** A yes/no flag written as `1` (yes) or an empty cell or `0` (no). */
export function parseFlag(cell: Cell): boolean {
  if (cell.text === '' || cell.text === '0') return false;
  if (cell.text === '1') return true;
  throw cellError(cell, 'bad-flag', 'is not a flag', '1 (yes), 0 or an empty cell (no)');
}

const DIGITS = /^\d+$/;
const numberPatterns = new Map<string, RegExp>();

function readNumber(cell: Cell, format: NumberFormat, expected: string): { negative: boolean; value: number } {
  const match = numberPattern(format).exec(cell.text);
  if (!match) throw cellError(cell, 'not-a-number', 'is not a number', `${expected}${formatNote(format)}`);
  const [, sign, whole, fraction] = match;
  const value = Number(`${format.thousands ? whole!.replaceAll(format.thousands, '') : whole}.${fraction ?? '0'}`);
  if (!Number.isSafeInteger(Math.trunc(value))) throw cellError(cell, 'not-a-number', 'is too large', expected);
  return { negative: sign === '-', value };
}

/** The source of the number pattern of a format: groups sign, whole part and fraction (also run by DuckDB). */
export function numberPatternSource(format: NumberFormat): string {
  const escape = (separator: string) => `\\${separator}`;
  const whole = format.thousands ? `\\d{1,3}(?:${escape(format.thousands)}\\d{3})+|\\d+` : '\\d+';
  return `^([+-]?)(${whole})(?:${escape(format.decimal)}(\\d+))?$`;
}

function numberPattern(format: NumberFormat): RegExp {
  const key = `${format.decimal}${format.thousands ?? ''}`;
  let pattern = numberPatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(numberPatternSource(format));
    numberPatterns.set(key, pattern);
  }
  return pattern;
}

export function formatNote(format: NumberFormat): string {
  if (format.decimal === '.' && !format.thousands) return '';
  return ` (decimal separator '${format.decimal}'${format.thousands ? `, thousands separator '${format.thousands}'` : ''}, as declared in parse)`;
}
