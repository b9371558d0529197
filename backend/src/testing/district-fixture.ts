/**
 * A small district for API tests: regione 03 with provincia 018 (5 comuni, 2 ambiti) and provincia 015
 * (1 comune); a plain count (DEM_POP) and a ratio (DEM_U12) for 2023 and 2024. Zerbolò has no 2024 data,
 * Bereguardo left its ambito in 2020, and Certosa's 2024 DEM_U12 row is synthetic.
 */
import type { SnapshotFixture } from './snapshot-factory.js';

const localized = (it: string, en: string) => ({ it, en });

export const DEM_POP = {
  code: 'DEM_POP',
  name: localized('Popolazione residente', 'Resident population'),
  area: 'trasversale',
  unit: localized('abitanti', 'residents'),
  multiplier: 1,
  decimals: 0,
  polarity: 'neither',
  description: localized('Residenti al 1° gennaio.', 'Residents on 1 January.'),
  caveats: localized('Dal 2022 ricostruiti sul censimento.', 'Rebased on the census from 2022.'),
  numerator: [{ variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 }],
  denominator: null,
};

export const DEM_U12 = {
  code: 'DEM_U12',
  name: localized('Residenti sotto i 12 anni', 'Residents under 12'),
  area: 'minori e famiglia',
  unit: localized('%', '%'),
  multiplier: 100,
  decimals: 2,
  polarity: 'neither',
  description: localized('Residenti di 0-11 anni ÷ residenti × 100.', 'Residents aged 0-11 ÷ residents × 100.'),
  numerator: [{ variable: 'pop_res', sex: 'T', age_band: 'Y0-11', lag: 0, sign: 1 }],
  denominator: [{ variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 }],
};

/** [code, name, provincia, DEM_POP 2024, DEM_U12 numerator 2024]; null: no 2024 data. */
export const COMUNI = [
  ['018110', 'Pavia', '018', 70000, 7000],
  ['018145', 'San Genesio ed Uniti', '018', 5000, 600],
  ['018035', 'Certosa di Pavia', '018', 3500, 420],
  ['018193', 'Zerbolò', '018', null, null],
  ['018012', 'Bereguardo', '018', 1200, 100],
  ['015146', 'Milano', '015', 1300000, 130000],
] as const;

const TOPOLOGY = {
  type: 'Topology',
  objects: {
    comuni: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], properties: { code: '018110', name: 'Pavia' } },
        { type: 'Polygon', arcs: [[1]], properties: { code: '018145', name: 'San Genesio ed Uniti' } },
      ],
    },
  },
  arcs: [
    [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]],
    [[1, 0], [1, 0], [0, 1], [-1, 0], [0, -1]],
  ],
};

export function districtFixture(snapshotId = '20250301T100000000Z-aaaaaaaa'): SnapshotFixture {
  const parts2024 = COMUNI.flatMap(([code, , , pop, under12]) =>
    pop === null
      ? []
      : [
          { indicator_code: 'DEM_POP', territory_code: code, year: 2024, numerator: pop },
          { indicator_code: 'DEM_U12', territory_code: code, year: 2024, numerator: under12, denominator: pop, synthetic: code === '018035' },
        ],
  );
  const parts2023 = COMUNI.map(([code]) => ({ indicator_code: 'DEM_POP', territory_code: code, year: 2023, numerator: 1000 }));
  return {
    meta: { snapshotId, ambitiExample: true, ambitiNote: { it: 'Ambiti di esempio', en: 'Example Ambiti' } },
    sources: [
      { source_id: 'istat-posas', title: 'ISTAT POSAS', publisher: 'ISTAT', licence: 'CC BY 4.0', url: 'https://demo.istat.it/' },
      { source_id: 'istat-territory', title: 'ISTAT elenco comuni', publisher: 'ISTAT', licence: 'CC BY 4.0', url: null },
      { source_id: 'openpolis-limits', title: 'Limiti comunali', publisher: 'openpolis', licence: 'CC BY 4.0', url: 'https://github.com/openpolis/geojson-italy' },
    ],
    territories: [
      { code: 'IT', level: 'italia', name: 'Italia', source_id: 'istat-territory' },
      { code: '03', level: 'regione', name: 'Lombardia', parent_code: 'IT', source_id: 'istat-territory' },
      { code: '018', level: 'provincia', name: 'Pavia', parent_code: '03', source_id: 'istat-territory' },
      { code: '015', level: 'provincia', name: 'Milano', parent_code: '03', source_id: 'istat-territory' },
      { code: 'AMB_PV', level: 'ambito', name: 'Ambito di Pavia', parent_code: '018', source_id: 'istat-territory' },
      { code: 'AMB_CE', level: 'ambito', name: 'Ambito di Certosa', parent_code: '018', source_id: 'istat-territory' },
      ...COMUNI.map(([code, name, provincia]) => ({
        code,
        name,
        level: 'comune',
        parent_code: provincia,
        valid_from: code === '018193' ? '2019-01-01' : null,
        area_km2: 10.5,
        source_id: 'istat-territory',
      })),
    ],
    ambitoMembers: [
      { ambito_code: 'AMB_PV', comune_code: '018110', valid_from: '2015-01-01' },
      { ambito_code: 'AMB_PV', comune_code: '018145', valid_from: '2015-01-01' },
      { ambito_code: 'AMB_CE', comune_code: '018035', valid_from: '2015-01-01' },
      { ambito_code: 'AMB_CE', comune_code: '018193', valid_from: '2019-01-01' },
      { ambito_code: 'AMB_CE', comune_code: '018012', valid_from: '2015-01-01', valid_to: '2020-12-31' },
    ],
    indicators: [DEM_POP, DEM_U12],
    parts: [...parts2023, ...parts2024],
    indicatorSources: [
      { indicator_code: 'DEM_POP', year: 2023, source_id: 'istat-posas' },
      { indicator_code: 'DEM_POP', year: 2024, source_id: 'istat-posas' },
      { indicator_code: 'DEM_U12', year: 2024, source_id: 'istat-posas' },
    ],
    boundaries: [{ provincia_code: '018', topojson: TOPOLOGY, source_id: 'openpolis-limits' }],
  };
}
