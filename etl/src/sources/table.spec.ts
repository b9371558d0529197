import { describe, expect, it } from 'vitest';
import { SourceErrorCollector } from './errors.js';
import { readTable, type TableOptions } from './table.js';
import { sourceErrorsOf, onlyErrorOf, located } from './testing/source-errors.js';

const FILE = 'population/x.csv';

function read<K extends string>(text: string, options: TableOptions<K>) {
  const table = readTable(FILE, text, options);
  const errors = new SourceErrorCollector();
  const rows = [...table.rows(errors)].map((row): Record<string, string | number> => ({ line: row.line, ...Object.fromEntries(Object.keys(options.columns).map((key) => [key, row.cell(key as K).text])) }));
  errors.throwIfAny();
  return { table, rows };
}

describe('readTable', () => {
  it('finds columns by name: trimmed, case-insensitive, whitespace collapsed, any accepted variant', () => {
    const { table, rows } = read(' Codice  Comune ;"Totale\r\nMaschi";ETA\n018110;10;3\n', {
      delimiter: ';',
      columns: { code: ['codice comune'], male: ['Totale maschi', 'Maschi'], age: ['Età', 'Eta'] },
    });
    expect(rows).toEqual([{ line: 3, code: '018110', male: '10', age: '3' }]);
    expect(table.column('male')).toEqual({ index: 1, name: 'Totale Maschi' });
    expect(table.has('age')).toBe(true);
  });

  it('prefers the first accepted name that the header has', () => {
    const { table } = read('Maschi;Totale maschi\n1;2\n', { delimiter: ';', columns: { male: ['Totale maschi', 'Maschi'] } });
    expect(table.column('male').index).toBe(1);
  });

  it('skips title lines and blank lines, and counts the rows read', () => {
    const { table, rows } = read('Title; with a delimiter\n\na,b\n1,2\n\n3,4\n\n\n', { delimiter: ',', titleLines: 2, columns: { a: ['a'] } });
    expect(rows).toEqual([{ line: 4, a: '1' }, { line: 6, a: '3' }]);
    expect(table.rowsRead).toBe(2);
    expect(table.headerLine).toBe(3);
  });

  it("in ISTAT's POSAS shape, skips quoted title lines and ends the data at a note", () => {
    const text = '"Popolazione residente al 1° gennaio 2025"\n"Codice comune";"Totale"\n"018110";5\n"Nota: dati provvisori"\n"018111";7\n';
    const { rows } = read(text, { delimiter: ';', columns: { code: ['Codice comune'] }, istatTitlesAndNotes: true });
    expect(rows).toEqual([{ line: 3, code: '018110' }]);
  });

  it('tells each cell its line and column, also after a quoted field over two lines', () => {
    const table = readTable(FILE, 'a;b;c\n1;"x\ny";3\n', { delimiter: ';', columns: { a: ['a'], c: ['c'] } });
    const [row] = [...table.rows(new SourceErrorCollector())];
    expect(row!.cell('a')).toMatchObject({ line: 2, column: 1, header: 'a', text: '1' });
    expect(row!.cell('c')).toMatchObject({ line: 3, column: 3, header: 'c', text: '3' });
  });

  it('reports a wrong delimiter on the header line', async () => {
    const error = await onlyErrorOf(() => readTable(FILE, 'comune;pro_com_t;pop_res_21\nPavia;018110;70971\n', { delimiter: ',', columns: { code: ['pro_com_t'] } }));
    expect(error.message).toBe("population/x.csv:1:1: line 1 has no ',' but has ';'; expected ',' as declared in datasets/sources.yaml (parse.delimiter) [wrong-delimiter]");
  });

  it('reports a wrong delimiter on the header after the title lines, even if it is quoted', async () => {
    const text = '"Popolazione"\n"Codice comune","Totale"\n';
    expect(await onlyErrorOf(() => readTable(FILE, text, { delimiter: ';', titleLines: 1, columns: { code: ['Codice comune'] } }))).toMatchObject({ line: 2, column: 1, rule: 'wrong-delimiter' });
  });

  it('reports every missing column, with the header found', async () => {
    const error = await onlyErrorOf(() => readTable(FILE, 'comune,codice,pop\n', { delimiter: ',', columns: { code: ['pro_com_t', 'pro_com'], name: ['comune'], value: ['pop_res_21'] } }));
    expect(error).toMatchObject({ file: FILE, line: 1, column: 0, rule: 'missing-column' });
    expect(error.message).toBe('population/x.csv:1:0: the header has no column "pro_com_t" or "pro_com", no column "pop_res_21"; expected the column names declared in datasets/sources.yaml; the header found is "comune", "codice", "pop" [missing-column]');
  });

  it('reports a file that ends before its header', async () => {
    expect(await onlyErrorOf(() => readTable(FILE, 'title\n', { delimiter: ',', titleLines: 1, columns: {} }))).toMatchObject({ line: 2, rule: 'missing-column' });
  });

  it('reports every row with the wrong number of fields, and reads the others', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';
    const errors = await sourceErrorsOf(() => read(text, { delimiter: ',', columns: { a: ['a'] } }));
    expect(errors.map(located)).toEqual([
      { file: FILE, line: 3, column: 3, rule: 'wrong-column-count' },
      { file: FILE, line: 4, column: 4, rule: 'wrong-column-count' },
    ]);
    expect(errors[0]!.message).toBe("population/x.csv:3:3: row has 2 fields but the header on line 1 has 3; expected 3 fields separated by ',' [wrong-column-count]");
  });

  it('accepts trailing empty columns, in the header or only in the rows', () => {
    const text = 'a;b;;;\n1;2;;;\n3;4\n5;6;;;;;\n';
    expect(read(text, { delimiter: ';', columns: { b: ['b'] } }).rows.map((r) => r.b)).toEqual(['2', '4', '6']);
  });

  it('reports a column the descriptor reads that the header names twice, at the second occurrence', async () => {
    const error = await onlyErrorOf(() => readTable(FILE, 'comune,pro_com_t,pop,PRO_COM_T\nPavia,018110,1,018111\n', { delimiter: ',', columns: { code: ['pro_com_t'] } }));
    expect(error).toMatchObject({ file: FILE, line: 1, column: 4, rule: 'duplicate-column' });
    expect(error.message).toContain('"PRO_COM_T" is the name of column 2 too');
  });

  it('reports a duplicated column of a header over several lines at the line of the second occurrence', async () => {
    expect(await onlyErrorOf(() => readTable(FILE, 'a;"b\r\nx";a\r\n1;2;3\r\n', { delimiter: ';', columns: { a: ['a'] } }))).toMatchObject({ line: 2, column: 3, rule: 'duplicate-column' });
  });

  it('accepts duplicated names among the columns it does not read', () => {
    expect(read('a;note;note;;\n1;x;y;;\n', { delimiter: ';', columns: { a: ['a'] } }).rows).toEqual([{ line: 2, a: '1' }]);
  });

  it('reports an empty file, and one of blank lines only', async () => {
    for (const text of ['', '\n\r\n  \n']) {
      const error = await onlyErrorOf(() => readTable(FILE, text, { delimiter: ',', columns: { a: ['a'] } }));
      expect(error).toMatchObject({ file: FILE, line: 0, column: 0, rule: 'empty-file' });
      expect(error.message).toContain('the file is empty');
    }
  });

  it('reports a header without data rows once the rows are read, when rows are required', async () => {
    const table = readTable(FILE, 'a,b\n\n\n', { delimiter: ',', columns: { a: ['a'] } });
    expect([...table.rows(new SourceErrorCollector())]).toEqual([]);
    const error = await onlyErrorOf(() => table.requireDataRows());
    expect(error).toMatchObject({ file: FILE, line: 1, column: 0, rule: 'empty-file' });
    expect(error.message).toContain('has a header but no data rows');
  });

  it('reports line ends made of CR alone (old Mac files) instead of reading the file as one line', async () => {
    const error = await onlyErrorOf(() => readTable(FILE, 'a,b\r1,2\r3,4\r', { delimiter: ',', columns: { a: ['a'] } }));
    expect(error).toMatchObject({ file: FILE, line: 1, column: 4, rule: 'bad-line-ends' });
  });

  it('echoes each header cell cut to 40 characters and the header to about 160', async () => {
    const long = `${'x'.repeat(5000)},${Array.from({ length: 200 }, (_, i) => `c${i}`).join(',')}\n`;
    const error = await onlyErrorOf(() => readTable(FILE, long, { delimiter: ',', columns: { a: ['a'] } }));
    expect(error.rule).toBe('missing-column');
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/the header found is "x{40}…", "c0", .*… and \d+ more columns \[missing-column\]$/);
  });
});
