import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourceCatalog } from '../sources/descriptor.js';
import { catalogProblems, PROJECT_SOURCES_YAML } from '../sources/testing/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-download-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const posas = (download: string) => `variables:
  pop_res: { it: Popolazione residente, en: Residents, kind: count }
sources:
  - id: posas
    title: T
    publisher: ISTAT
    licence: CC BY 4.0
    role: observations
    optional: true
    layout: istat_age_sex
    file: population/POSAS_*_it_Comuni.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-8, title_lines: 1 }
    year_from_file: 'POSAS_(\\d{4})_'
    columns: { code: c, age: a, male: m, female: f, total: t }
    values: [{ variable: pop_res }]
    download:
${download}`;

const problemsOf = (yaml: string) => catalogProblems(dir, yaml);

describe('the download field of a source', () => {
  it("is read from the project's sources.yaml", async () => {
    const catalog = await loadSourceCatalog(PROJECT_SOURCES_YAML);
    expect(catalog.sources.find((s) => s.id === 'istat_posas')?.download).toEqual({
      url: 'https://demo.istat.it/data/posas/POSAS_{year}_it_Comuni.zip',
      years: [2019, 2026],
      file: 'population/POSAS_{year}_it_Comuni.csv',
      unzip: 'POSAS_{year}_it_Comuni.csv',
    });
  });

  it('accepts a valid template with a checksum for one year', async () => {
    const sha = 'a'.repeat(64);
    expect(
      await problemsOf(posas(`      url: https://example.org/POSAS_{year}.zip
      years: [2024, 2025]
      file: population/POSAS_{year}_it_Comuni.csv
      unzip: POSAS_{year}_it_Comuni.csv
      sha256: { population/POSAS_2025_it_Comuni.csv: ${sha} }
`)),
    ).toEqual([]);
  });

  it('reports every problem of a download at once, with its line', async () => {
    const problems = await problemsOf(posas(`      url: ftp://example.org/POSAS_{year}_{anno}.zip
      years: [2025, 2019]
      file: population/../POSAS_{year}.csv
      unzip: ../POSAS_{year}.csv
      sha256: { population/POSAS_2030_it_Comuni.csv: abc }
      mirror: x
`));
    expect(problems).toEqual([
      'sources.yaml: sources[0] (id posas).download.url: expected only the placeholders {year} and {provincia} (line 18)',
      'sources.yaml: sources[0] (id posas).download.url: expected an http:// or https:// URL (line 18)',
      'sources.yaml: sources[0] (id posas).download.years: expected the first year before the last (line 19)',
      'sources.yaml: sources[0] (id posas).download.file: expected a path relative to the data folder, with / and without .. (line 20)',
      'sources.yaml: sources[0] (id posas).download.unzip: expected an entry inside the archive, without .. or a leading / (line 21)',
      'sources.yaml: sources[0] (id posas).download.sha256.population/POSAS_2030_it_Comuni.csv: expected 64 lower-case hex digits (line 22)',
      'sources.yaml: sources[0] (id posas).download: unknown field "mirror" (line 18)',
    ]);
  });

  it('requires years exactly when the url has {year}, and {year} in the file then', async () => {
    expect(await problemsOf(posas(`      url: https://example.org/POSAS_{year}.zip\n      file: population/POSAS_2025_it_Comuni.csv\n`))).toEqual([
      'sources.yaml: sources[0] (id posas).download.years: missing; the url has {year}: expected [first year, last year] (line 18)',
      'sources.yaml: sources[0] (id posas).download.file: expected {year} here exactly when the url has it, so each year gets its own file (line 19)',
    ]);
  });

  it('refuses a file the source would not read, or whose name gives another year', async () => {
    expect(await problemsOf(posas(`      url: https://example.org/P_{year}.zip\n      years: [2024, 2025]\n      file: population/P_{year}.csv\n`))).toEqual([
      'sources.yaml: sources[0] (id posas).download.file: writes population/P_2024.csv, which file population/POSAS_*_it_Comuni.csv does not match; expected a path the source reads (line 20)',
    ]);
    expect(await problemsOf(posas(`      url: https://example.org/P_{year}.zip\n      years: [2024, 2025]\n      file: population/POSAS_1999_{year}_it_Comuni.csv\n`))).toEqual([
      'sources.yaml: sources[0] (id posas).download.file: writes population/POSAS_1999_2024_it_Comuni.csv, whose year_from_file gives 1999, not 2024; expected the year in the file name (line 20)',
    ]);
  });

  it('refuses a checksum for a file outside the years', async () => {
    expect(await problemsOf(posas(`      url: https://example.org/P_{year}.zip\n      years: [2024, 2025]\n      file: population/POSAS_{year}_it_Comuni.csv\n      sha256: { population/POSAS_2023_it_Comuni.csv: ${'b'.repeat(64)} }\n`))).toEqual([
      'sources.yaml: sources[0] (id posas).download.sha256.population/POSAS_2023_it_Comuni.csv: "population/POSAS_2023_it_Comuni.csv" is not a file this download writes; expected a path like population/POSAS_2024_it_Comuni.csv (line 21)',
    ]);
  });
});
