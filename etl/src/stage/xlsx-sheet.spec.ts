import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSheetAsCsv } from './xlsx-sheet.js';

async function convert(book: ExcelJS.Workbook, sheet?: string, headerRow = 1): Promise<{ csv: string; sheet: string; formulaCells: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xlsx-sheet-'));
  const file = path.join(dir, 'book.xlsx');
  await writeFile(file, new Uint8Array(await book.xlsx.writeBuffer()));
  const target = path.join(dir, 'sheet.csv');
  const written = await writeSheetAsCsv({ absolutePath: file, relativePath: 'registers/book.xlsx', sheet, headerRow, target });
  return { csv: await readFile(target, 'utf8'), ...written };
}

describe('writeSheetAsCsv', () => {
  it('writes numbers as numbers, text as text (quoted when needed), dates as ISO dates, row N on line N', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Dati');
    sheet.addRow(['Titolo']);
    sheet.addRow(['Comune', 'Posti', 'Data', 'Note']);
    sheet.addRow(['Sannazzaro de\' Burgondi', 12, new Date(Date.UTC(2024, 0, 31)), 'a, "b"']);
    sheet.getRow(5).values = ['Pavia', 2.5, { formula: 'B3*2', result: 24 }];
    const { csv, formulaCells } = await convert(book, undefined, 2);
    expect(csv).toBe(['', 'Comune,Posti,Data,Note', "Sannazzaro de' Burgondi,12,2024-01-31,\"a, \"\"b\"\"\"", '', 'Pavia,2.5,24,', ''].join('\n'));
    expect(formulaCells).toBe(1);
  });

  it('keeps every accented letter of a long shared-string table, whose XML is inflated in chunks that split letters', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Dati');
    sheet.addRow(['Nome']);
    const names = Array.from({ length: 6000 }, (_, i) => `${'àèìòù'.repeat(4)} ${i}`);
    for (const name of names) sheet.addRow([name]);
    const { csv } = await convert(book);
    expect(csv.split('\n').slice(1, -1)).toEqual(names);
  });
});
