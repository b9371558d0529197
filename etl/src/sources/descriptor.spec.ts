import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourceCatalog } from './descriptor.js';
import { catalogProblems, makeDataFolder, PROJECT_SOURCES_YAML, type DataFolder } from './testing/fixtures.js';

let folder: DataFolder;
beforeAll(async () => {
  folder = await makeDataFolder();
});
afterAll(() => folder.remove());

async function problemsOf(yaml: string): Promise<readonly string[]> {
  const problems = await catalogProblems(folder.dir, yaml);
  if (problems.length === 0) throw new Error('expected the catalogue to be refused');
  return problems;
}

const HEAD = `variables:
  pop_res: { it: Popolazione residente, en: Residents, kind: count }
sources:
`;
const COMMON = `    title: T
    publisher: P
    licence: CC BY 4.0
`;

describe("the project's datasets/sources.yaml", () => {
  it('is valid, with defaults filled in', async () => {
    const catalog = await loadSourceCatalog(PROJECT_SOURCES_YAML);
    expect(Object.keys(catalog.variables)).toContain('pop_res');
    const byId = new Map(catalog.sources.map((s) => [s.id, s]));
    expect(byId.get('gi_comuni')).toMatchObject({ role: 'comuni', reference_date: '2025-01-01', optional: false, parse: { delimiter: ';', encoding: 'utf-8', decimal: ',', title_lines: 0 }, columns: { code: ['codice_istat'] } });
    expect(byId.get('pop_pavia_2018_2021')).toMatchObject({ role: 'observations', layout: 'wide', values: expect.arrayContaining([{ column: ['pop_res_18'], variable: 'pop_res', sex: 'T', age_band: 'TOT', year: 2018 }]) });
    expect(byId.get('istat_posas')).toMatchObject({ layout: 'istat_age_sex', optional: true, columns: { age: ['Età', 'Eta'], male: ['Totale maschi', 'Maschi'] }, values: [{ variable: 'pop_res' }] });
    expect(byId.get('openpolis_confini_pv')).toMatchObject({ role: 'boundaries', format: 'topojson', provincia_code: '018' });
  });
});

describe('loadSourceCatalog', () => {
  it('reports every problem at once, each with a readable path and its line', async () => {
    const problems = await problemsOf(`${HEAD}  - id: pop_x
${COMMON}    role: observations
    file: population/x.csv
    format: csv
    parse: { delimiter: ':', encoding: utf-8 }
    columns: { name: comune }
    values:
      - { column: p, variable: pop_tot, sex: X, age_band: TOT, year: 2021 }
  - id: posas
${COMMON}    role: observations
    layout: istat_age_sex
    file: population/POSAS_*.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-16 }
    columns: { code: c, age: a, male: m, female: f, total: t }
    values: [{ variable: pop_res }]
  - id: confini
${COMMON}    role: boundaries
    file: boundaries/*.topo.json
    format: topojson
    columns: { code: c, name: n }
  - id: comuni
${COMMON}    role: comuni
    file: c.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-8 }
    columns: { code: c, name: n, provincia_code: p }
  - id: pop_x
${COMMON}    role: territory
    file: x.csv
`);
    expect(problems).toEqual([
      "sources.yaml: sources[0] (id pop_x).parse.delimiter: expected one of ',', ';', '\\t', '|' (line 11)",
      'sources.yaml: sources[0] (id pop_x).columns.code: missing; expected a column name or a list of accepted names (line 12)',
      'sources.yaml: sources[0] (id pop_x).columns: unknown field "name" (line 12)',
      'sources.yaml: sources[0] (id pop_x).values[0].variable: "pop_tot" is not declared under variables; expected one of \'pop_res\' (line 14)',
      "sources.yaml: sources[0] (id pop_x).values[0].sex: expected one of 'T', 'M', 'F' (line 14)",
      "sources.yaml: sources[1] (id posas).parse.encoding: expected one of 'utf-8', 'windows-1252', 'latin-1' (line 23)",
      'sources.yaml: sources[1] (id posas).year_from_file: missing; expected a regular expression with a capture group for the year, like POSAS_(\\d{4})_ (line 15)',
      'sources.yaml: sources[2] (id confini).file: expected one file, without * (line 31)',
      "sources.yaml: sources[2] (id confini).provincia_code: missing; expected a 3-digit provincia code like '018' (line 26)",
      'sources.yaml: sources[3] (id comuni).reference_date: missing; expected a date written YYYY-MM-DD (line 34)',
      "sources.yaml: sources[4] (id pop_x).role: expected one of 'comuni', 'comuni_validity', 'province', 'regioni', 'suppressed', 'boundaries', 'observations' (line 47)",
      'sources.yaml: sources[4] (id pop_x).id: "pop_x" is already the id of sources[0]; expected ids to be unique (line 43)',
    ]);
  });

  it('checks that a year_from_file pattern captures the year', async () => {
    const problems = await problemsOf(`${HEAD}  - id: posas
${COMMON}    role: observations
    layout: istat_age_sex
    file: population/POSAS_*.csv
    format: csv
    parse: { delimiter: ';', encoding: utf-8 }
    year_from_file: 'POSAS_\\d{4}_'
    columns: { code: c, age: a, male: m, female: f, total: t }
    values: [{ variable: pop_res }, { variable: pop_res }]
`);
    expect(problems).toEqual([
      'sources.yaml: sources[0] (id posas).year_from_file: expected a regular expression with a capture group for the year, like POSAS_(\\d{4})_ (line 13)',
      'sources.yaml: sources[0] (id posas).values: expected exactly one entry: { variable: … } (line 15)',
    ]);
  });

  it('names the accepted layouts of observations', async () => {
    const problems = await problemsOf(`${HEAD}  - id: pop
${COMMON}    role: observations
    layout: long
    file: p.csv
    format: csv
    parse: { delimiter: ',', encoding: utf-8 }
    columns: { code: c }
    values: [{ column: a, variable: pop_res, sex: T, age_band: TOT, year: 2021 }]
`);
    expect(problems).toEqual(["sources.yaml: sources[0] (id pop).layout: expected one of 'wide', 'istat_age_sex', 'register' (line 9)"]);
  });

  it('checks a register: csv with parse, xlsx with sheet and header_row, a comune column, a year, a type column to filter on', async () => {
    const problems = await problemsOf(`${HEAD}  - id: rsa
${COMMON}    role: observations
    layout: register
    file: registers/rsa.xlsx
    format: xlsx
    parse: { delimiter: ',', encoding: utf-8 }
    header_row: 0
    columns: { provincia: Provincia }
    filter: { type: [RSA] }
    values: [{ column: Posti, variable: posti_rsa }]
  - id: nidi
${COMMON}    role: observations
    layout: register
    file: registers/nidi.csv
    format: csv
    sheet: Foglio1
    year: 2024
    columns: { comune_name: Comune, type: Tipo }
    filter: { type: [Nido] }
    values: [{ column: Posti, variable: pop_res }, { column: Altri posti, variable: pop_res }]
`);
    expect(problems).toEqual([
      'sources.yaml: sources[0] (id rsa).header_row: expected a row number, 1 for the first (line 13)',
      'sources.yaml: sources[0] (id rsa).columns: expected comune_code or comune_name (or both: the code is used) (line 14)',
      'sources.yaml: sources[0] (id rsa).values[0].variable: "posti_rsa" is not declared under variables; expected one of \'pop_res\' (line 16)',
      'sources.yaml: sources[1] (id nidi).parse: missing; a csv register needs parse options (line 17)',
      'sources.yaml: sources[1] (id nidi).sheet: only for xlsx; expected parse.title_lines for a csv (line 25)',
      'sources.yaml: sources[1] (id nidi).values[1].variable: "pop_res" is given by values[0] too; expected each variable once (line 29)',
    ]);
  });

  it('refuses two value columns that give the same key', async () => {
    const problems = await problemsOf(`${HEAD}  - id: pop
${COMMON}    role: observations
    file: p.csv
    format: csv
    parse: { delimiter: ',', encoding: utf-8 }
    columns: { code: c }
    values:
      - { column: a, variable: pop_res, sex: T, age_band: TOT, year: 2021 }
      - { column: b, variable: pop_res, sex: T, age_band: TOT, year: 2021 }
`);
    expect(problems).toEqual(['sources.yaml: sources[0] (id pop).values[1]: gives pop_res T TOT 2021 like values[0]; expected each variable, sex, age band and year once (line 15)']);
  });

  it('reads where a variable is published and which variable it is part of, refusing a part_of that is undeclared, itself or of another kind', async () => {
    const variables = (parts: Record<string, string>) =>
      `variables:\n  pop_res: { it: R, en: R, kind: count }\n  euro: { it: E, en: E, kind: amount }\n${Object.entries(parts).map(([name, rest]) => `  ${name}: { it: X, en: X, kind: count, ${rest} }`).join('\n')}\nsources:\n  - id: c\n${COMMON}    role: comuni\n    file: c.csv\n    format: csv\n    parse: { delimiter: ';', encoding: utf-8 }\n    reference_date: 2025-01-01\n    columns: { code: c, name: n, provincia_code: p }\n`;
    await folder.write('sources.yaml', variables({ pop_str: 'publisher: ISTAT STRASA, part_of: pop_res' }));
    expect((await loadSourceCatalog(`${folder.dir}/sources.yaml`)).variables.pop_str).toEqual({ it: 'X', en: 'X', kind: 'count', publisher: 'ISTAT STRASA', part_of: 'pop_res' });
    const problems = await problemsOf(variables({ a: 'part_of: nope', b: 'part_of: b', c: 'part_of: euro' }));
    expect(problems).toEqual([
      'sources.yaml: variables.a.part_of: "nope" is not declared under variables; expected one of \'pop_res\', \'euro\', \'a\', \'b\', \'c\' (line 4)',
      'sources.yaml: variables.b.part_of: "b" cannot be part of itself (line 5)',
      'sources.yaml: variables.c.part_of: "c" is of kind count and "euro" of kind amount; expected a part of a variable of the same kind (line 6)',
    ]);
  });

  it('reports YAML syntax errors with their position', async () => {
    const problems = await problemsOf('variables:\n  pop_res: { it: x\nsources: []\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^sources\.yaml: line \d+, column \d+: /);
  });
});
