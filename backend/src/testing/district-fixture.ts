/**
 * The district the API tests serve, as a data folder in the published formats (etl/src/testing/data-folder.ts)
 * loaded by the real ETL, with two changes to the shared fixture:
 * - Vigevano (018177) moved from Ambito PV-T1 to PV-T2 on 2021-01-01, so on the reference date PV-T1 is
 *   Pavia alone;
 * - Vigevano's residents of 1 January 2020 and its 2021 under-12 file row were left empty by the publisher,
 *   so those years have a comune without data.
 * Expected values in the specs are worked out from these inputs (fixturePopulation), never read back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { fixtureFiles, fixturePopulation, type DataFolderOptions, type FixturePopulation } from '../../../etl/src/testing/data-folder.js';
import { repoRoot } from '../config/config.js';

export const VIGEVANO = '018177';

export const districtPopulation: FixturePopulation = {
  ...fixturePopulation,
  wide: { ...fixturePopulation.wide, [VIGEVANO]: fixturePopulation.wide[VIGEVANO]!.map((v, i) => (i === 2 ? '' : v)) },
  under12: { ...fixturePopulation.under12, '18177': ['', ''] },
};

const AMBITI_YAML = `example: false
ambiti:
  - code: PV-T1
    name: Ambito di prova Nord
    provincia: '018'
    members:
      - { comune: '018110' }
      - { comune: '018177', valid_to: 2020-12-31 }
  - code: PV-T2
    name: Ambito di prova Sud
    provincia: '018'
    members:
      - { comune: '018177', valid_from: 2021-01-01 }
      - { comune: '018193' }
      - { comune: '018026' }
      - { comune: '018002', valid_to: 2023-11-17 }
`;

export function districtData(population: FixturePopulation = districtPopulation): DataFolderOptions {
  return { population, overrides: { 'territory/ambiti.yaml': AMBITI_YAML } };
}

/** The district with Pavia's residents of 1 January 2021 changed, to tell two snapshots apart by their data. */
export function changedDistrictData(pavia2021: number): DataFolderOptions {
  const pavia = districtPopulation.wide['018110']!;
  return districtData({ ...districtPopulation, wide: { ...districtPopulation.wide, '018110': [...pavia.slice(0, 3), pavia2021] } });
}

interface CatalogueEntry { code: string; [field: string]: unknown }
interface SourceEntry { id: string; title: string; publisher: string; licence: string; url?: string; file?: string }

interface AreaEntry { code: string; name: { it: string; en: string } }

function projectCatalogueFile(): { areas: AreaEntry[]; indicators: CatalogueEntry[] } {
  return parse(readFileSync(path.join(repoRoot, 'datasets', 'indicators.yaml'), 'utf8')) as { areas: AreaEntry[]; indicators: CatalogueEntry[] };
}

/** datasets/indicators.yaml as written: the catalogue every ETL load publishes. */
export function projectCatalogue(): CatalogueEntry[] {
  return projectCatalogueFile().indicators;
}

/** The areas of intervention of datasets/indicators.yaml, in their order. */
export function projectAreas(): AreaEntry[] {
  return projectCatalogueFile().areas;
}

/** datasets/sources.yaml as written. */
export function projectSources(): SourceEntry[] {
  return (parse(readFileSync(path.join(repoRoot, 'datasets', 'sources.yaml'), 'utf8')) as { sources: SourceEntry[] }).sources;
}

/** The sources a load of the district reads: those whose file the data folder has, and the Ambiti configuration. */
export function districtSourceCount(): number {
  const files = fixtureFiles(districtPopulation);
  return projectSources().filter((s) => s.file !== undefined && files[s.file] !== undefined).length + 1;
}
