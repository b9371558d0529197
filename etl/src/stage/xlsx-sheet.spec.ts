import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../fetch/testing/zip-writer.js';
import { extractZipEntry, listZipEntries } from '../fetch/zip.js';
import { writeSheetAsCsv } from './xlsx-sheet.js';

async function convert(book: ExcelJS.Workbook, sheet?: string, headerRow = 1, dir?: string): Promise<{ csv: string; sheet: string; formulaCells: number }> {
  dir ??= await mkdtemp(path.join(tmpdir(), 'xlsx-sheet-'));
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

  it('never parks a sheet in the system tmp folder, even when the sheet comes before the shared strings in the zip', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Dati').addRows([['Comune', 'Posti'], ['Pavia', 12], ['Vigevano', 7]]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const order = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'].map((name) => Buffer.from(bytes).indexOf(name));
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[0]).toBeLessThan(order[1]!);
    // A tmp folder that does not exist: a reader writing a temporary file fails with ENOENT.
    const dir = await mkdtemp(path.join(tmpdir(), 'xlsx-sheet-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = path.join(dir, 'missing');
    try {
      const { csv } = await convert(book, undefined, 1, dir);
      expect(csv).toBe('Comune,Posti\nPavia,12\nVigevano,7\n');
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });

  it('refuses a file that is not a workbook, naming the file and what was expected', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xlsx-sheet-'));
    const file = path.join(dir, 'book.xlsx');
    await writeFile(file, 'Comune;Posti\nPavia;12\n');
    await expect(writeSheetAsCsv({ absolutePath: file, relativePath: 'registers/book.xlsx', sheet: undefined, headerRow: 1, target: path.join(dir, 'sheet.csv') })).rejects.toThrow(
      'registers/book.xlsx:0:0: the file cannot be read as an XLSX workbook (is not a zip archive (no end of central directory); expected the zip the publisher serves); expected a workbook saved as .xlsx (Excel 2007 or later) [not-xlsx]',
    );
  });

  describe('a workbook with a damaged part', () => {
    const SHEET = 'xl/worksheets/sheet1.xml';
    const DAMAGED = /^registers\/book\.xlsx:0:0: entry "xl\/worksheets\/sheet1\.xml" .*\[zip-corrupt\]$/;

    async function workbook(dir: string): Promise<string> {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Dati').addRows([['Comune', 'Posti'], ['Pavia', 12], ['Vigevano', 7]]);
      const file = path.join(dir, 'good.xlsx');
      await writeFile(file, new Uint8Array(await book.xlsx.writeBuffer()));
      return file;
    }

    async function refusal(dir: string, bytes: Uint8Array): Promise<unknown> {
      const file = path.join(dir, 'book.xlsx');
      await writeFile(file, bytes);
      return writeSheetAsCsv({ absolutePath: file, relativePath: 'registers/book.xlsx', sheet: undefined, headerRow: 1, target: path.join(dir, 'sheet.csv') }).then(() => 'read', (e: unknown) => e);
    }

    it('refuses a stored sheet whose bytes changed but still parse (12 places read as 13) by its CRC, naming the entry', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'xlsx-sheet-'));
      const good = await workbook(dir);
      // The same parts, stored: a changed byte is then a changed value in the XML.
      const parts = [];
      for (const entry of await listZipEntries(good)) {
        const target = path.join(dir, 'part');
        await extractZipEntry(good, entry.name, target);
        parts.push({ name: entry.name, data: await readFile(target), method: 'stored' as const });
      }
      const bytes = zipArchive(parts);
      const value = bytes.indexOf('<v>12</v>', bytes.indexOf(`${SHEET}`));
      expect(value).toBeGreaterThan(-1);
      const intact = await refusal(dir, bytes);
      expect(intact).toBe('read');
      bytes.write('<v>13</v>', value);
      const error = await refusal(dir, bytes);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(DAMAGED);
      expect((error as Error).message).toMatch(/gives \d+ bytes with CRC [0-9a-f]{8}; expected \d+ bytes with CRC [0-9a-f]{8}/);
    });

    it('refuses a deflated sheet with flipped bytes as zip-corrupt, naming the entry, not as a file that is not a workbook', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'xlsx-sheet-'));
      const bytes = await readFile(await workbook(dir));
      const entry = (await listZipEntries(path.join(dir, 'good.xlsx'))).find((e) => e.name === SHEET)!;
      const dataStart = entry.localHeaderOffset + 30 + bytes.readUInt16LE(entry.localHeaderOffset + 26) + bytes.readUInt16LE(entry.localHeaderOffset + 28);
      for (let i = 0; i < 4; i += 1) {
        const at = dataStart + Math.floor(entry.compressedSize / 2) + i;
        bytes.writeUInt8(bytes.readUInt8(at) ^ 0x5a, at);
      }
      const error = await refusal(dir, bytes);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(DAMAGED);
    });
  });
});
