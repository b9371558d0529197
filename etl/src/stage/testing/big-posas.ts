/**
 * POSAS files past the head Node reads (the first MB), with one byte put deep inside: the encoding
 * checks must find it there as they would in the head.
 */
import { encodeText, posas, posasComune, posasRows, type FixtureEncoding } from '../../sources/testing/fixtures.js';

export const HEAD_BYTES = 1 << 20;

/** ISTAT POSAS declared in another encoding, as a user of such an edition would declare it (a sources.yaml list). */
export const posasDeclaredIn = (encoding: 'utf-8' | 'windows-1252' | 'latin-1') => `
  - id: istat_posas
    title: POSAS
    publisher: ISTAT
    licence: CC BY 4.0
    role: observations
    optional: true
    file: population/POSAS_*_it_Comuni.csv
    format: csv
    layout: istat_age_sex
    parse: { delimiter: ';', encoding: ${encoding}, title_lines: 1 }
    year_from_file: 'POSAS_(\\d{4})_'
    columns: { code: Codice comune, age: [Età, Eta], male: [Totale maschi], female: [Totale femmine], total: [Totale] }
    values: [{ variable: pop_res }]
`;

/**
 * A POSAS file of 500 comuni (some 1.8 MB) in `encoding`, with `byte` written on a line past the first MB
 * in place of a "#" added to a cell (a comune's name, which the load does not read, or a count, which it
 * does): the file's bytes, and the physical line and character column of that byte.
 */
export function bigPosasWith(encoding: FixtureEncoding, byte: number, cell: 'name' | 'count' = 'name'): { bytes: Uint8Array; line: number; column: number } {
  const comuni = Array.from({ length: 500 }, (_, i) => posasComune(String(1001 + i).padStart(6, '0'), `Comune ${String(i).padStart(3, '0')}`, 10 + i));
  const rows = posasRows(comuni);
  const marked = 450 * 102;
  rows[marked] = rows[marked]!.map((value, i) => (i === (cell === 'name' ? 1 : 3) ? `${value}#` : value));
  const text = posas(rows);
  const bytes = encodeText(text, encoding);
  const offset = bytes.indexOf('#'.charCodeAt(0));
  if (offset <= HEAD_BYTES) throw new Error(`the marked byte is at ${offset}, within the head`);
  bytes[offset] = byte;
  const before = text.slice(0, text.indexOf('#')).split('\n');
  return { bytes, line: before.length, column: before.at(-1)!.length + 1 };
}
