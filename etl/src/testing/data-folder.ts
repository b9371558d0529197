/**
 * Builds a small data folder in the published formats (same files, names and quirks as the real
 * ones) with numbers chosen for the tests, so results can be computed by hand:
 * - Provincia 018 "Pavia" (regione 03) with current comuni 018110 Pavia, 018177 Vigevano,
 *   018193 Colli Verdi (2019 merger of 018028 Canevino, 018132 Ruino, 018170 Valverde) and
 *   018026 Campospinoso Albaredo (absorbed 018002 Albaredo Arnaboldi on 2023-11-18);
 * - Provincia 019 "Cremona" (regione 03) with 019036 Cremona, to show levels above the provincia.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { topology } from '../sources/testing/fixtures.js';

export interface FixturePopulation {
  /** code → residents on 1 January 2018..2021 ('' = not published). */
  readonly wide: Record<string, readonly (number | '')[]>;
  /** code → [under 12, 12 and over] on 1 January 2021 ('' = not published). */
  readonly under12: Record<string, readonly [number | '', number | '']>;
  /** code → [total, women, men] on 1 January 2022. */
  readonly bySex2022: Record<string, readonly [number, number, number]>;
}

export const fixturePopulation: FixturePopulation = {
  wide: {
    '018110': [72000, 71500, 71200, 70971],
    '018177': [63000, 62800, 62500, 62000],
    '018028': [200, '', '', ''],
    '018132': [700, '', '', ''],
    '018170': [300, '', '', ''],
    '018193': ['', 1150, 1120, 1100],
    '018026': [640, 630, 620, 600],
    '018002': [250, 240, 235, 234],
    '019036': [72500, 72300, 72000, 71800],
  },
  under12: {
    '18110': [6000, 64971],
    '18177': [5500, 56500],
    '18193': [80, 1020],
    '18026': [50, 550],
    '18002': [19, 215],
    '19036': [6100, 65700],
  },
  bySex2022: {
    '18110': [70380, 36753, 33627],
    '18177': [61800, 32000, 29800],
    '18193': [1080, 540, 540],
    '18026': [610, 300, 310],
    '18002': [230, 120, 110],
    '19036': [71500, 37500, 34000],
  },
};

/**
 * The fixture population with three flaws the quality checks publish (none stops a load):
 * Pavia jumps +6.3% in 2020 and falls back in 2021 (two series-break warnings), Vigevano's 2019 cell is
 * empty (a missing-value info) and Cremona's 2022 total is 100 above men plus women (a
 * sex-total-mismatch warning).
 */
export const populationWithQualityIssues: FixturePopulation = {
  ...fixturePopulation,
  wide: { ...fixturePopulation.wide, '018110': [72000, 71500, 76000, 70971], '018177': [63000, '', 62500, 62000] },
  bySex2022: { ...fixturePopulation.bySex2022, '19036': [71600, 37500, 34000] },
};

export const fixtureAreas: Record<string, number> = { '018110': 62.86, '018177': 81.37, '018193': 43.2, '018026': 12.74, '019036': 70.49 };

export interface DataFolderOptions {
  /** The numbers of the population files (default fixturePopulation). */
  readonly population?: FixturePopulation;
  /** Replace a file's content (path relative to the folder) to break it on purpose. */
  readonly overrides?: Record<string, string | Uint8Array>;
}

export async function writeFixtureDataFolder(options: DataFolderOptions = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-data-'));
  const files: Record<string, string | Uint8Array> = { ...fixtureFiles(options.population), ...options.overrides };
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), content);
  }
  return dir;
}

const decimalComma = (n: number) => String(n).replace('.', ',');

export function fixtureFiles(population: FixturePopulation = fixturePopulation): Record<string, string> {
  const comuni: [string, string, string, string][] = [
    ['PV', '018110', 'Pavia', '018'],
    ['PV', '018177', 'Vigevano', '018'],
    ['PV', '018193', 'Colli Verdi', '018'],
    ['PV', '018026', 'Campospinoso Albaredo', '018'],
    ['CR', '019036', 'Cremona', '019'],
  ];
  const { wide, under12, bySex2022 } = population;
  return {
    'territory/gi_comuni.csv': [
      'sigla_provincia;codice_istat;denominazione_ita_altra;denominazione_ita;denominazione_altra;flag_capoluogo;codice_belfiore;lat;lon;superficie_kmq;codice_sovracomunale',
      ...comuni.map(([sigla, code, name, prov]) => `${sigla};${code};"${name}";"${name}";;NO;X000;45,1;9,1;${decimalComma(fixtureAreas[code]!)};${prov}`),
    ].join('\n') + '\n',
    'territory/gi_comuni_validita.csv': [
      'sigla_provincia;codice_istat;denominazione_ita;codice_belfiore;data_inizio_validita;data_fine_validita;stato_validita',
      'PV;018110;PAVIA;G388;17/03/1861;;Attivo',
      'PV;018177;VIGEVANO;L872;17/03/1861;;Attivo',
      'PV;018028;CANEVINO;B587;17/03/1861;31/12/2018;Inattivo',
      'PV;018132;RUINO;H657;17/03/1861;31/12/2018;Inattivo',
      'PV;018170;VALVERDE;L622;17/03/1861;31/12/2018;Inattivo',
      'PV;018193;"COLLI VERDI";M419;01/01/2019;;Attivo',
      'PV;018026;CAMPOSPINOSO;B567;17/03/1861;;Attivo',
      'PV;018002;"ALBAREDO ARNABOLDI";A134;30/03/1863;17/11/2023;Inattivo',
      'CR;019036;CREMONA;D150;17/03/1861;;Attivo',
    ].join('\n') + '\n',
    'territory/gi_province.csv': [
      'codice_regione;sigla_provincia;denominazione_provincia;tipologia_provincia;numero_comuni;superficie_kmq;codice_sovracomunale',
      '03;PV;Pavia;Provincia;4;2967,9289;018',
      '03;CR;Cremona;Provincia;1;1770,4576;019',
    ].join('\n') + '\n',
    'territory/gi_regioni.csv': [
      'ripartizione_geografica;codice_regione;denominazione_regione;tipologia_regione;numero_province;numero_comuni;superficie_kmq',
      'Nord-ovest;03;Lombardia;"statuto ordinario";2;5;23862,8675',
    ].join('\n') + '\n',
    'territory/istat_comuni_soppressi.csv': [
      'Anno;Sigla Automobilistica;Codice Unità territoriale sovracomunale (Uts);Codice Comune;Denominazione Comune;Comune soppresso per scorporo;Data evento;Codice del Comune associato alla variazione;Denominazione Comune associato alla variazione;Codice Unità territoriale sovracomunale associato alla variazione;Sigla Automobilistica associata alla variazione;;;;;',
      '2023;PV;018;018002;Albaredo Arnaboldi;;18/11/2023;018026;Campospinoso Albaredo ;018;PV;;;;;',
      '2019;PV;018;018028;Canevino;;01/01/2019;018193;Colli Verdi;018;PV;;;;;',
      '2019;PV;018;018132;Ruino;;01/01/2019;018193;Colli Verdi;018;PV;;;;;',
      '2019;PV;018;018170;Valverde;;01/01/2019;018193;Colli Verdi;018;PV;;;;;',
    ].join('\n') + '\n',
    'territory/ambiti.yaml': [
      'example: false',
      'ambiti:',
      '  - code: PV-T1',
      '    name: Ambito di prova Nord',
      "    provincia: '018'",
      '    members:',
      "      - { comune: '018110' }",
      "      - { comune: '018177' }",
      '  - code: PV-T2',
      '    name: Ambito di prova Sud',
      "    provincia: '018'",
      '    members:',
      "      - { comune: '018193' }",
      "      - { comune: '018026' }",
      "      - { comune: '018002', valid_to: 2023-11-17 }",
    ].join('\n') + '\n',
    'population/pavia_popolazione_residente_2018_2021.csv': [
      'comune,pro_com_t,pop_res_18,pop_res_19,pop_res_20,pop_res_21',
      ...Object.entries(wide).map(([code, values]) => `Comune ${code},${code},${values.join(',')}`),
    ].join('\n') + '\n',
    'population/pavia_popolazione_2021_under12.csv': [
      'pro_com,under12,over12,totale',
      ...Object.entries(under12).map(([code, [u, o]]) => `${code},${u},${o},${u === '' || o === '' ? '' : u + o}`),
    ].join('\n') + '\n',
    'population/italy_geo_pop_2022.csv': [
      '"municipality","municipality_code","province_code","province","province_short","region","region_code","population","population_F","population_M"',
      ...Object.entries(bySex2022).map(([code, [t, f, m]]) => `"Comune ${code}","${code}","18","Pavia","PV","Lombardia","3","${t}.0","${f}.0","${m}.0"`),
    ].join('\n') + '\n',
    'boundaries/limits_P_18_municipalities.topo.json': JSON.stringify(
      // Albaredo Arnaboldi's shape is still drawn on its own, as in the June 2023 files.
      topology([['018110', 'Pavia'], ['018177', 'Vigevano'], ['018193', 'Colli Verdi'], ['018026', 'Campospinoso'], ['018002', 'Albaredo Arnaboldi']]),
    ),
  };
}
