/**
 * Writes small, well-formed files in each published format the connectors read (same headers and
 * quirks as the real ones), from rows a test chooses, so a test can break exactly one thing.
 * Rows are lists of cells in the published column order; a header line is line 1 unless said otherwise.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadSourceCatalog, SourceCatalogError, type SourceCatalog } from '../descriptor.js';
import { WINDOWS_1252_HIGH } from '../text.js';

export type Row = readonly (string | number)[];

export interface CsvShape {
  readonly delimiter?: string;
  readonly lineEnding?: '\n' | '\r\n';
  /** needed: quote only cells holding the delimiter, a quote or a line break; with-spaces: also cells with a space (as gi_db_comuni does); all: every cell. */
  readonly quote?: 'needed' | 'with-spaces' | 'all';
  /** Raw lines before the header. */
  readonly titleLines?: readonly string[];
}

export function csvText(header: Row, rows: readonly Row[], shape: CsvShape = {}): string {
  const { delimiter = ',', lineEnding = '\n', quote = 'needed', titleLines = [] } = shape;
  const cell = (value: string | number) => {
    const text = String(value);
    const needsQuotes = quote === 'all' || /["\r\n]/.test(text) || text.includes(delimiter) || (quote === 'with-spaces' && text.includes(' '));
    return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [...titleLines, ...[header, ...rows].map((row) => row.map(cell).join(delimiter))];
  return lines.join(lineEnding) + lineEnding;
}

export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'latin-1' | 'utf-16le' | 'utf-16be';

export function encodeText(text: string, encoding: FixtureEncoding = 'utf-8'): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'latin-1':
      return encodeLatin1(text);
    case 'utf-16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  }
}

function encodeLatin1(text: string): Uint8Array {
  const unencodable = [...text].find((char) => char.charCodeAt(0) > 0xff);
  if (unencodable !== undefined) throw new Error(`"${unencodable}" has no latin-1 byte`);
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

/** Text as windows-1252 bytes, one byte a character, without an intermediate array (the big-file bench encodes hundreds of MB). */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const high = WINDOWS_1252_HIGH.indexOf(text[i]!);
    if (high !== -1) bytes[i] = 0x80 + high;
    else if (code < 0x100 && !(code >= 0x80 && code < 0xa0)) bytes[i] = code;
    else throw new Error(`"${text[i]}" has no windows-1252 byte`);
  }
  return bytes;
}

// ---------------------------------------------------------------- territory (gi_db_comuni, ISTAT)

export const GI_COMUNI_HEADER = ['sigla_provincia', 'codice_istat', 'denominazione_ita_altra', 'denominazione_ita', 'denominazione_altra', 'flag_capoluogo', 'codice_belfiore', 'lat', 'lon', 'superficie_kmq', 'codice_sovracomunale'];
export const GI_COMUNI_ROWS: Row[] = [
  ['TO', '001001', 'Agliè', 'Agliè', '', 'NO', 'A074', '45,3634669', '7,7686057', '13,2851', '201'],
  ['PV', '018110', 'Pavia', 'Pavia', '', 'SI', 'G388', '45,1847248', '9,1582069', '63,2449', '018'],
  ['PV', '018177', 'Vigevano', 'Vigevano', '', 'NO', 'L872', '45,3172581', '8,8584163', '82,3795', '018'],
  ['PV', '018193', 'Colli Verdi', 'Colli Verdi', '', 'NO', 'M419', '44,8966668', '9,2477778', '43,6416', '018'],
];
export const giComuni = (rows: readonly Row[] = GI_COMUNI_ROWS) => csvText(GI_COMUNI_HEADER, rows, { delimiter: ';', quote: 'with-spaces' });

export const GI_VALIDITA_HEADER = ['sigla_provincia', 'codice_istat', 'denominazione_ita', 'codice_belfiore', 'data_inizio_validita', 'data_fine_validita', 'stato_validita'];
export const GI_VALIDITA_ROWS: Row[] = [
  ['TO', '001001', "AGLIE'", 'A074', '17/03/1861', '11/01/1927', 'Inattivo'],
  ['TO', '001001', "AGLIE'", 'A074', '05/10/1945', '', 'Attivo'],
  ['PV', '018028', 'CANEVINO', 'B587', '17/03/1861', '31/12/2018', 'Inattivo'],
  ['PV', '018193', 'COLLI VERDI', 'M419', '01/01/2019', '', 'Attivo'],
];
export const giComuniValidita = (rows: readonly Row[] = GI_VALIDITA_ROWS) => csvText(GI_VALIDITA_HEADER, rows, { delimiter: ';', quote: 'with-spaces' });

export const GI_PROVINCE_HEADER = ['codice_regione', 'sigla_provincia', 'denominazione_provincia', 'tipologia_provincia', 'numero_comuni', 'superficie_kmq', 'codice_sovracomunale'];
export const GI_PROVINCE_ROWS: Row[] = [
  ['03', 'PV', 'Pavia', 'Provincia', '185', '2968,6464', '018'],
  ['01', 'TO', 'Torino', 'Citta metropolitana', '312', '6826,8546', '201'],
];
export const giProvince = (rows: readonly Row[] = GI_PROVINCE_ROWS) => csvText(GI_PROVINCE_HEADER, rows, { delimiter: ';', quote: 'with-spaces' });

export const GI_REGIONI_HEADER = ['ripartizione_geografica', 'codice_regione', 'denominazione_regione', 'tipologia_regione', 'numero_province', 'numero_comuni', 'superficie_kmq'];
export const GI_REGIONI_ROWS: Row[] = [
  ['Nord-ovest', '01', 'Piemonte', 'statuto ordinario', '8', '1180', '25391,6652'],
  ['Nord-ovest', '03', 'Lombardia', 'statuto ordinario', '12', '1502', '23862,8675'],
];
export const giRegioni = (rows: readonly Row[] = GI_REGIONI_ROWS) => csvText(GI_REGIONI_HEADER, rows, { delimiter: ';', quote: 'with-spaces' });

/** ISTAT's header ends with five unnamed columns, and so does every row. */
export const SOPPRESSI_HEADER = ['Anno', 'Sigla Automobilistica', 'Codice Unità territoriale sovracomunale (Uts)', 'Codice Comune', 'Denominazione Comune', 'Comune soppresso per scorporo', 'Data evento', 'Codice del Comune associato alla variazione', 'Denominazione Comune associato alla variazione', 'Codice Unità territoriale sovracomunale associato alla variazione', 'Sigla Automobilistica associata alla variazione', '', '', '', '', ''];
const soppresso = (year: string, code: string, name: string, split: string, date: string, newCode: string, newName: string): Row => [year, 'PV', '018', code, name, split, date, newCode, newName, '018', 'PV', '', '', '', '', ''];
export const SOPPRESSI_ROWS: Row[] = [
  soppresso('2019', '018028', 'Canevino', '', '01/01/2019', '018193', 'Colli Verdi'),
  soppresso('2019', '018132', 'Ruino', '', '01/01/2019', '018193', 'Colli Verdi'),
  soppresso('2019', '018170', 'Valverde', '', '01/01/2019', '018193', 'Colli Verdi'),
  ['1970', 'BG', '016', '016181', "Riviera d'Adda", '1', '17/03/1970', '016250', 'Medolago', '016', 'BG', '', '', '', '', ''],
  ['1947', 'GO', '031', '031701', 'Aidussina', '', '16/09/1947', '', 'Stato estero', '-', '-', '', '', '', '', ''],
];
export const istatSoppressi = (rows: readonly Row[] = SOPPRESSI_ROWS) => csvText(SOPPRESSI_HEADER, rows, { delimiter: ';' });

/**
 * ISTAT's official "Elenco dei comuni italiani" as published: windows-1252, ';', CRLF, and two header
 * cells with a line break inside their quotes, so the header spans physical lines 1-3.
 */
export const ELENCO_HEADER = ['Codice Regione', "Codice dell'Unità territoriale sovracomunale \r\n(valida a fini statistici)", 'Codice Provincia (Storico)(1)', 'Progressivo del Comune (2)', 'Codice Comune formato alfanumerico', 'Denominazione (Italiana e straniera)', 'Denominazione in italiano', 'Denominazione altra lingua', 'Codice Ripartizione Geografica', 'Ripartizione geografica', 'Denominazione regione', "Denominazione dell'Unità territoriale sovracomunale \r\n(valida a fini statistici)", 'Flag Comune capoluogo di provincia/città metropolitana/libero consorzio', 'Sigla automobilistica', 'Codice Comune formato numerico', 'Popolazione legale 2011 (09/10/2011)'];
export const ELENCO_ROWS: Row[] = [
  ['01', '201', '001', ' 001 ', '001001', 'Agliè', 'Agliè', '', '1', 'Nord-ovest', 'Piemonte', 'Torino', '0', 'TO', '1001', '2.644'],
  ['03', '018', '018', ' 110 ', '018110', 'Pavia', 'Pavia', '', '1', 'Nord-ovest', 'Lombardia', 'Pavia', '1', 'PV', '18110', '68.280'],
  ['04', '021', '021', ' 008 ', '021008', 'Bolzano/Bozen', 'Bolzano', 'Bozen', '2', 'Nord-est', 'Trentino-Alto Adige/Südtirol', 'Bolzano/Bozen', '1', 'BZ', '21008', '102.575'],
  ['06', '032', '032', ' 001 ', '032001', 'Duino Aurisina-Devin Nabrežina', 'Duino Aurisina', 'Devin Nabrežina', '2', 'Nord-est', 'Friuli-Venezia Giulia', 'Trieste', '0', 'TS', '32001', '8.586'],
];
export function istatElencoComuni(rows: readonly Row[] = ELENCO_ROWS, encoding: FixtureEncoding = 'windows-1252'): Uint8Array {
  const quoteMultiline = (cell: string | number) => (String(cell).includes('\n') ? `"${cell}"` : String(cell));
  const lines = [ELENCO_HEADER, ...rows].map((row) => row.map(quoteMultiline).join(';'));
  return encodeText(lines.join('\r\n') + '\r\n', encoding);
}
/** The official list's descriptor, as datasets/sources.yaml declares it, reading `file` (a YAML list of one). */
export function elencoDescriptorYaml(file = 'territory/Elenco-comuni-italiani.csv'): string {
  const project = parseYaml(readFileSync(PROJECT_SOURCES_YAML, 'utf8')) as { sources: { id: string }[] };
  const descriptor = project.sources.find((s) => s.id === 'istat_elenco_comuni');
  if (descriptor === undefined) throw new Error('datasets/sources.yaml declares no source istat_elenco_comuni');
  return stringifyYaml([{ ...descriptor, file }]);
}

// ---------------------------------------------------------------- population

export const WIDE_HEADER = ['comune', 'pro_com_t', 'pop_res_18', 'pop_res_19', 'pop_res_20', 'pop_res_21'];
export const WIDE_ROWS: Row[] = [
  ['Pavia', '018110', 72576, 72773, 71761, 70971],
  ['Vigevano', '018177', 63700, 63122, 62930, 62284],
  ['Colli Verdi', '018193', '', '', 1074, 1043],
];
export const pavia2018to2021 = (rows: readonly Row[] = WIDE_ROWS) => csvText(WIDE_HEADER, rows);

export const UNDER12_HEADER = ['pro_com', 'under12', 'over12', 'totale'];
export const UNDER12_ROWS: Row[] = [
  [18110, 5900, 65071, 70971],
  [18193, 80, 963, 1043],
];
export const pavia2021Under12 = (rows: readonly Row[] = UNDER12_ROWS) => csvText(UNDER12_HEADER, rows);

export const GEOPOP_HEADER = ['municipality', 'municipality_code', 'province_code', 'province', 'province_short', 'region', 'region_code', 'population', 'population_F', 'population_M'];
export const GEOPOP_ROWS: Row[] = [
  ['Agliè', '1001', '1', 'Torino', 'TO', 'Piemonte', '1', '2562.0', '1347.0', '1215.0'],
  ['Pavia', '18110', '18', 'Pavia', 'PV', 'Lombardia', '3', '70380.0', '36753.0', '33627.0'],
];
export const italyGeoPop2022 = (rows: readonly Row[] = GEOPOP_ROWS) => csvText(GEOPOP_HEADER, rows, { quote: 'all' });

export interface PosasComune {
  readonly code: string;
  readonly name: string;
  /** Residents by single year of age 0…100 (100 = 100 and over). */
  readonly males: readonly number[];
  readonly females: readonly number[];
}

/** Made-up but plausible counts by age, different for each seed. */
export function posasComune(code: string, name: string, seed: number): PosasComune {
  const count = (age: number, offset: number) => Math.max(0, Math.round(seed * (1 + Math.sin(age / 9 + offset)) * (age < 90 ? 1 : (101 - age) / 12)));
  return { code, name, males: Array.from({ length: 101 }, (_, age) => count(age, 0)), females: Array.from({ length: 101 }, (_, age) => count(age, 0.5)) };
}

export const POSAS_COMUNI: PosasComune[] = [posasComune('018110', 'Pavia', 400), posasComune('018002', 'Albaredo Arnaboldi', 2)];
export const POSAS_HEADER = ['Codice comune', 'Comune', 'Età', 'Totale maschi', 'Totale femmine', 'Totale'];

/** The data rows (ages, then 999 with the totals) of each comune, comuni sorted by name as ISTAT does. */
export function posasRows(comuni: readonly PosasComune[] = POSAS_COMUNI): Row[] {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  return [...comuni]
    .sort((a, b) => a.name.localeCompare(b.name, 'it'))
    .flatMap((c) => [
      ...c.males.map((m, age): Row => [c.code, c.name, age, m, c.females[age]!, m + c.females[age]!]),
      [c.code, c.name, 999, sum(c.males), sum(c.females), sum(c.males) + sum(c.females)],
    ]);
}

/** POSAS as published since 2023: a quoted title line, quoted header and codes, a note after the data. */
export function posas(rows: readonly Row[] = posasRows(), year = 2025): string {
  const quoteText = (cell: string | number) => (typeof cell === 'string' ? `"${cell}"` : String(cell));
  const lines = [
    `"Popolazione residente per età e sesso al 1° gennaio ${year}"`,
    POSAS_HEADER.map(quoteText).join(';'),
    ...rows.map((row) => row.map(quoteText).join(';')),
    '"Nota: lo stato civile è in corso di validazione."',
  ];
  return lines.join('\n') + '\n';
}

/** Older POSAS editions: counts by marital status too, and header words in other cases. */
export function posasWithMaritalStatus(rows: readonly Row[] = posasRows(), year = 2018): string {
  const header = ['Codice comune', 'Denominazione', 'Età', 'Celibi', 'Coniugati', 'Totale Maschi', 'Nubili', 'Coniugate', 'Totale Femmine', 'Totale'];
  const widened = rows.map(([code, name, age, m, f, t]) => [code!, name!, age!, m!, 0, m!, f!, 0, f!, t!]);
  return csvText(header, widened, { delimiter: ';', titleLines: [`"Popolazione residente al 1° gennaio ${year} per età, sesso e stato civile"`] });
}

// ---------------------------------------------------------------- boundaries

/** A Topology of squares in a row, one per geometry, with openpolis-style properties. */
export function topology(codes: readonly (readonly [string, string])[] = [['018110', 'Pavia'], ['018177', 'Vigevano'], ['018193', 'Colli Verdi']]): Record<string, unknown> {
  return {
    type: 'Topology',
    transform: { scale: [0.001, 0.001], translate: [9, 45] },
    objects: {
      municipalities: {
        type: 'GeometryCollection',
        geometries: codes.map(([code, name], i) => ({ type: 'Polygon', arcs: [[i]], properties: { com_istat_code: code, name, prov_acr: 'PV' } })),
      },
    },
    // Clockwise rings (north, east, south, west): d3-geo reads an anticlockwise ring as the whole globe but the square.
    arcs: codes.map((_, i) => [[i * 100, 0], [0, 90], [90, 0], [0, -90], [-90, 0]]),
  };
}

/**
 * The same squares as topology(), as a GeoJSON FeatureCollection in longitude/latitude (openpolis's
 * .geojson files): square i spans 9 + 0.1·i … 9 + 0.1·i + 0.09 east and 45 … 45.09 north, clockwise.
 */
export function geoJson(codes: readonly (readonly [string, string])[] = [['018110', 'Pavia'], ['018177', 'Vigevano'], ['018193', 'Colli Verdi']]): Record<string, unknown> {
  const square = (i: number) => {
    const [west, east, south, north] = [9 + 0.1 * i, 9 + 0.1 * i + 0.09, 45, 45.09];
    return [[[west, south], [west, north], [east, north], [east, south], [west, south]]];
  };
  return {
    type: 'FeatureCollection',
    features: codes.map(([code, name], i) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(i) }, properties: { com_istat_code: code, name, prov_acr: 'PV' } })),
  };
}

// ---------------------------------------------------------------- data folder and catalogue

/** The project's datasets/sources.yaml: fixtures are read through the descriptors users load. */
export const PROJECT_SOURCES_YAML = fileURLToPath(new URL('../../../../datasets/sources.yaml', import.meta.url));

export interface DataFolder {
  readonly dir: string;
  write(relative: string, content: string | Uint8Array): Promise<void>;
  remove(): Promise<void>;
}

export async function makeDataFolder(files: Record<string, string | Uint8Array> = {}): Promise<DataFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-sources-'));
  const folder: DataFolder = {
    dir,
    async write(relative, content) {
      await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
      await writeFile(path.join(dir, relative), content);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [relative, content] of Object.entries(files)) await folder.write(relative, content);
  return folder;
}

/** A well-formed file for every source of the project's sources.yaml (POSAS included). */
export function wellFormedFiles(): Record<string, string | Uint8Array> {
  return {
    'territory/gi_comuni.csv': giComuni(),
    'territory/gi_comuni_validita.csv': giComuniValidita(),
    'territory/gi_province.csv': giProvince(),
    'territory/gi_regioni.csv': giRegioni(),
    'territory/istat_comuni_soppressi.csv': istatSoppressi(),
    'boundaries/limits_P_18_municipalities.topo.json': JSON.stringify(topology()),
    'population/pavia_popolazione_residente_2018_2021.csv': pavia2018to2021(),
    'population/pavia_popolazione_2021_under12.csv': pavia2021Under12(),
    'population/italy_geo_pop_2022.csv': italyGeoPop2022(),
    'population/POSAS_2025_it_Comuni.csv': posas(),
  };
}

/** A catalogue: the project's sources.yaml, optionally with more sources (a YAML list) appended. */
export async function fixtureCatalog(folder: DataFolder, extraSourcesYaml = ''): Promise<SourceCatalog> {
  if (extraSourcesYaml === '') return loadSourceCatalog(PROJECT_SOURCES_YAML);
  const project = parseYaml(await readFile(PROJECT_SOURCES_YAML, 'utf8')) as { sources: unknown[] };
  const extra = parseYaml(extraSourcesYaml) as unknown[];
  // A source of the project's id is replaced where it stands; others are added at the end.
  const replaced = project.sources.map((source) => extra.find((e) => (e as { id?: unknown }).id === (source as { id?: unknown }).id) ?? source);
  const added = extra.filter((e) => !project.sources.some((source) => (source as { id?: unknown }).id === (e as { id?: unknown }).id));
  await folder.write('sources.yaml', stringifyYaml({ ...project, sources: [...replaced, ...added] }));
  return loadSourceCatalog(path.join(folder.dir, 'sources.yaml'));
}

/** A territory or boundaries source, which readSource reads (observations are staged in DuckDB). */
export function territoryDescriptorOf<T extends { readonly id: string; readonly role: string }>(catalog: { readonly sources: readonly T[] }, id: string): Exclude<T, { role: 'observations' }> {
  const descriptor = descriptorOf(catalog, id);
  if (descriptor.role === 'observations') throw new Error(`source ${id} is an observations source`);
  return descriptor as Exclude<T, { role: 'observations' }>;
}

export function descriptorOf<T extends { readonly id: string }>(catalog: { readonly sources: readonly T[] }, id: string): T {
  const descriptor = catalog.sources.find((s) => s.id === id);
  if (!descriptor) throw new Error(`no source ${id} in the catalogue`);
  return descriptor;
}

/** The problems loadSourceCatalog finds in `yaml`, written as `<dir>/sources.yaml`; [] when it is accepted. */
export async function catalogProblems(dir: string, yaml: string): Promise<readonly string[]> {
  const file = path.join(dir, 'sources.yaml');
  await writeFile(file, yaml);
  try {
    await loadSourceCatalog(file);
    return [];
  } catch (error) {
    if (error instanceof SourceCatalogError) return error.problems;
    throw error;
  }
}
