import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCrosswalk } from '../model/crosswalk.js';
import { loadSourceCatalog, type DescriptorOf } from '../sources/descriptor.js';
import { MAX_REPORTED_ERRORS, SourceError, SourceErrors } from '../sources/errors.js';
import type { RegisterTerritory } from './register.js';
import { stageSource, stageSourceProblems } from './testing/stage-source.js';

const COMUNI = [
  { code: '001001', name: 'Agliè', provinciaCode: '201' },
  { code: '016065', name: 'Castro', provinciaCode: '016' },
  { code: '075096', name: 'Castro', provinciaCode: '075' },
  { code: '018026', name: 'Campospinoso Albaredo', provinciaCode: '018' },
  { code: '018110', name: 'Pavia', provinciaCode: '018' },
  { code: '018133', name: "Sannazzaro de' Burgondi", provinciaCode: '018' },
  { code: '018144', name: "Sant'Angelo Lomellina", provinciaCode: '018' },
];
const SUPPRESSED = [{ code: '018002', name: 'Albaredo Arnaboldi', date: '2023-11-18', newCode: '018026', split: false }];
const TERRITORY: RegisterTerritory = {
  comuni: COMUNI,
  history: [{ code: '018002', name: 'ALBAREDO ARNABOLDI', validTo: '2023-11-17' }],
  suppressed: SUPPRESSED,
  successors: buildCrosswalk(SUPPRESSED, new Set(COMUNI.map((c) => c.code))),
  province: [
    { code: '016', name: 'Bergamo', sigla: 'BG' },
    { code: '018', name: 'Pavia', sigla: 'PV' },
    { code: '075', name: 'Lecce', sigla: 'LE' },
    { code: '201', name: 'Torino', sigla: 'TO' },
  ],
};

const HEADER = ['Provincia', 'Comune', 'Denominazione struttura', 'Tipologia', 'Posti letto accreditati', 'Posti letto autorizzati'];
/** Written as published: upper case, "S." for Sant', apostrophes for accents, the name of a merged comune. */
const ROWS: (string | number)[][] = [
  ['PV', 'PAVIA', 'RSA San Giorgio', 'RSA', 120, 130],
  ['PV', 'Pavia', 'RSA Villa Flora', 'R.S.A.', 80, 80],
  ['PV', 'Pavia', 'CDI Il Ponte', 'CDI', 30, 30],
  ['PV', 'S. ANGELO LOMELLINA', 'RSA Santa Croce', 'RSA', 60, 60],
  ['PV', 'ALBAREDO ARNABOLDI', 'RSA Le Querce', 'RSA', 40, 45],
  ['018', 'Campospinoso Albaredo', 'RSA Il Glicine', 'rsa', 10, 10],
  ['PV', 'SANNAZZARO DE’ BURGONDI', 'RSA Don Orione', 'RSA', 30, 30],
  ['TO', "AGLIE'", 'RSA Castello', 'RSA', 25, 25],
  ['Torino', 'Agliè', 'RSA Borgo', 'RSA', 5, 5],
];
const EXPECTED = [
  { code: '001001', value: 25 + 5 },
  { code: '018026', value: 40 + 10 },
  { code: '018110', value: 120 + 80 },
  { code: '018133', value: 30 },
  { code: '018144', value: 60 },
];

const csvOf = (rows: readonly (readonly (string | number)[])[]) => rows.map((row) => row.map((cell) => (/[;"]/.test(String(cell)) ? `"${String(cell).replaceAll('"', '""')}"` : String(cell))).join(';')).join('\n') + '\n';

const SOURCE = (extra: string) => `
variables:
  posti_rsa: { it: Posti letto in RSA, en: RSA beds, kind: count }
  posti_nido: { it: Posti nido, en: Nursery places, kind: count }
sources:
  - id: rsa
    title: Registro RSA
    publisher: Regione Lombardia
    licence: CC BY 4.0
    role: observations
    layout: register
${extra}`;

const CSV_SOURCE = (options: { provincia?: boolean; filter?: boolean } = {}) =>
  SOURCE(`    file: registers/rsa.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-8 }
    year: 2024
    columns: { comune_name: Comune${options.provincia === false ? '' : ', provincia: Provincia'}, type: Tipologia }
${options.filter === false ? '' : '    filter: { type: [RSA, "R.S.A."] }\n'}    values: [{ column: Posti letto accreditati, variable: posti_rsa }]
`);

const XLSX_SOURCE = (sheet = 'Strutture') =>
  SOURCE(`    file: registers/rsa.xlsx
    format: xlsx
    sheet: ${sheet}
    header_row: 3
    year_column: Anno
    columns: { comune_name: Comune, provincia: Provincia, type: Tipologia }
    filter: { type: [RSA, "R.S.A."] }
    values: [{ column: Posti letto accreditati, variable: posti_rsa }]
`);

async function folder(files: Record<string, string | Uint8Array>, yaml: string): Promise<{ dir: string; catalog: Awaited<ReturnType<typeof loadSourceCatalog>> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'register-'));
  for (const [name, content] of Object.entries({ ...files, 'sources.yaml': yaml })) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return { dir, catalog: await loadSourceCatalog(path.join(dir, 'sources.yaml')) };
}

async function stage(files: Record<string, string | Uint8Array>, yaml: string) {
  const { dir, catalog } = await folder(files, yaml);
  return stageSource(catalog, catalog.sources[0] as DescriptorOf<'observations'>, dir, TERRITORY);
}

/** The problems a staging reports, as `file:line:column [rule]`, and their messages. */
async function problemsOf(files: Record<string, string | Uint8Array>, yaml: string): Promise<{ at: string[]; messages: string[] }> {
  try {
    await stage(files, yaml);
  } catch (error) {
    const errors = error instanceof SourceErrors ? error.errors : error instanceof SourceError ? [error] : null;
    if (errors === null) throw error;
    return { at: errors.map((e) => `${e.file}:${e.line}:${e.column} [${e.rule}]`), messages: errors.map((e) => e.message) };
  }
  throw new Error('expected the staging to fail');
}

const summed = (records: readonly { code: string; value: number; year: number; variable: string }[]) =>
  records.map(({ code, value, year, variable }) => ({ code, value, year, variable })).sort((a, b) => a.code.localeCompare(b.code));

interface SheetOptions {
  readonly rows?: readonly (readonly ExcelJS.CellValue[])[];
  readonly edit?: (sheet: ExcelJS.Worksheet) => void;
}

/** A workbook as a region would publish it: a notes sheet first, a title, the header on row 3. */
async function workbook(options: SheetOptions = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Note').addRow(['Fonte: Regione Lombardia']);
  const sheet = book.addWorksheet('Strutture');
  sheet.addRow(['Elenco delle RSA accreditate']);
  sheet.mergeCells('A1:D1');
  sheet.addRow([]);
  sheet.addRow(['Anno', ...HEADER]);
  for (const row of options.rows ?? ROWS.map((r) => [2024, ...r])) sheet.addRow([...row]);
  options.edit?.(sheet);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('register layout: one row per service unit, comuni by name', () => {
  it('matches names written in upper case, with "S.", curly or missing apostrophes, accents as apostrophes and a merged comune\'s name; sums per comune', async () => {
    const read = await stage({ 'registers/rsa.csv': csvOf([HEADER, ...ROWS]) }, CSV_SOURCE());
    expect(summed(read.records)).toEqual(EXPECTED.map((e) => ({ ...e, year: 2024, variable: 'posti_rsa' })));
    // Each sum is kept at the comune's first row (Pavia: the first data record).
    expect(read.records.find((r) => r.code === '018110')!.record).toBe(0);
    expect(read.files).toEqual([expect.objectContaining({ path: 'registers/rsa.csv', rowsRead: ROWS.length, notPublished: 0 })]);
  });

  it('keeps only the types the filter names, compared without case: the CDI row is left out', async () => {
    const all = await stage({ 'registers/rsa.csv': csvOf([HEADER, ...ROWS]) }, CSV_SOURCE({ filter: false }));
    expect(all.records.find((r) => r.code === '018110')!.value).toBe(120 + 80 + 30);
    const rsa = await stage({ 'registers/rsa.csv': csvOf([HEADER, ...ROWS]) }, CSV_SOURCE());
    expect(rsa.records.find((r) => r.code === '018110')!.value).toBe(120 + 80);
  });

  it('reads the same register from an XLSX sheet: header on row 3 under a merged title, numbers as numbers, a total by formula read by its saved result', async () => {
    const rows = ROWS.map((r) => [2024, ...r]);
    const book = await workbook({ rows, edit: (sheet) => (sheet.getCell('F5').value = { formula: 'G5-50', result: 80 }) });
    const read = await stage({ 'registers/rsa.xlsx': book }, XLSX_SOURCE());
    expect(summed(read.records)).toEqual(EXPECTED.map((e) => ({ ...e, year: 2024, variable: 'posti_rsa' })));
  });

  it('reports an unknown and an ambiguous name once each, at the first row that has it, with the candidates; nothing is dropped', async () => {
    const rows = [
      ['PV', 'Pavia', 'RSA 1', 'RSA', 10, 10],
      ['PV', 'Borgo Inesistente', 'RSA 2', 'RSA', 10, 10],
      ['', 'Castro', 'RSA 3', 'RSA', 10, 10],
      ['PV', 'Borgo Inesistente', 'RSA 4', 'RSA', 10, 10],
      ['XX', 'Pavia', 'RSA 5', 'RSA', 10, 10],
      ['BG', 'Castro', 'RSA 6', 'RSA', 10, 10],
      ['PV', '', 'RSA 7', 'RSA', 10, 10],
    ];
    const { at, messages } = await problemsOf({ 'registers/rsa.csv': csvOf([HEADER, ...rows]) }, CSV_SOURCE());
    expect(at).toEqual([
      'registers/rsa.csv:3:2 [unknown-comune-name]',
      'registers/rsa.csv:4:2 [ambiguous-comune-name]',
      'registers/rsa.csv:6:1 [unknown-provincia]',
      'registers/rsa.csv:8:2 [unknown-comune-name]',
    ]);
    expect(messages[0]).toContain('"Borgo Inesistente" in column "Comune" is not the name of a current comune in provincia PV');
    expect(messages[1]).toContain('names 2 comuni: 016065 Castro (provincia 016), 075096 Castro (provincia 075)');
    expect(messages[2]).toContain('"XX" in column "Provincia" is not a provincia; expected its sigla (like PV)');
    expect(messages[3]).toContain('the cell in column "Comune" is empty');
  });

  it('reports bad counts and codes at their cells when comuni are given by code', async () => {
    const yaml = SOURCE(`    file: registers/nidi.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-8 }
    year: 2024
    columns: { comune_code: Codice ISTAT }
    values: [{ column: Posti, variable: posti_nido }]
`);
    const csv = 'Codice ISTAT;Nome;Posti\n18110;Nido A;20\n018110;Nido B;12\n18XX;Nido C;5\n018177;Nido D;-3\n018177;Nido E;\n';
    const { at } = await problemsOf({ 'registers/nidi.csv': csv }, yaml);
    expect(at).toEqual(['registers/nidi.csv:4:1 [bad-code]', 'registers/nidi.csv:5:3 [negative-count]']);
    const good = await stage({ 'registers/nidi.csv': 'Codice ISTAT;Nome;Posti\n18110;Nido A;20\n018110;Nido B;12\n018177;Nido E;\n' }, yaml);
    expect(summed(good.records)).toEqual([{ code: '018110', value: 32, year: 2024, variable: 'posti_nido' }]);
    expect(good.files[0]!.notPublished).toBe(1);
  });
});

describe('register layout: XLSX cells that cannot be read as values', () => {
  const at = async (edit: (sheet: ExcelJS.Worksheet) => void, sheet = 'Strutture') => problemsOf({ 'registers/rsa.xlsx': await workbook({ edit }) }, XLSX_SOURCE(sheet));

  it('refuses merged cells in the data, at the first cell of the range, with sheet!cells', async () => {
    const { at: where, messages } = await at((sheet) => sheet.mergeCells('C6:C7'));
    expect(where).toEqual(['registers/rsa.xlsx:6:3 [merged-cells]']);
    expect(messages[0]).toContain('sheet "Strutture", cells C6:C7 are merged');
  });

  it('refuses a formula without a saved result and an error value, each at its cell', async () => {
    const { at: where, messages } = await at((sheet) => {
      sheet.getCell('F5').value = { formula: 'SUM(G5:G6)' } as ExcelJS.CellFormulaValue;
      sheet.getCell('F8').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    expect(where).toEqual(['registers/rsa.xlsx:5:6 [formula]', 'registers/rsa.xlsx:8:6 [cell-error]']);
    expect(messages[0]).toContain('sheet "Strutture", cell F5: the formula =SUM(G5:G6) has no saved result');
    expect(messages[1]).toContain('sheet "Strutture", cell F8: holds the error #N/A');
  });

  it('names the sheets of the workbook when the one asked for is missing', async () => {
    const { at: where, messages } = await at(() => undefined, 'RSA');
    expect(where).toEqual(['registers/rsa.xlsx:0:0 [missing-sheet]']);
    expect(messages[0]).toContain('the workbook has no sheet "RSA"; its sheets are "Note", "Strutture"');
  });

  it('reports a name it cannot match at the row and column of the sheet', async () => {
    const { at: where } = await at((sheet) => (sheet.getCell('C9').value = 'Borgo Inesistente'));
    expect(where).toEqual(['registers/rsa.xlsx:9:3 [unknown-comune-name]']);
  });
});

describe('register layout: a problem on every row of a big register', () => {
  it('words the first lines only, counts every one, stores only those worded', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ['PV', 'Pavia', `RSA ${i}`, 'RSA', '12.5', 10]);
    const { dir, catalog } = await folder({ 'registers/rsa.csv': csvOf([HEADER, ...rows]) }, CSV_SOURCE());
    const problems = await stageSourceProblems(catalog, catalog.sources[0] as DescriptorOf<'observations'>, dir, {}, TERRITORY);
    expect(problems.errors.map((e) => `${e.file}:${e.line}:${e.column} [${e.rule}]`)).toEqual(Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => `registers/rsa.csv:${2 + i}:5 [not-a-whole-number]`));
    expect(problems.total).toBe(rows.length);
    expect(problems.stored).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
  });
});
