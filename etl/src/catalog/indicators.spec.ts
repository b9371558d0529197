import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataFolder, type DataFolder } from '../sources/testing/fixtures.js';
import { loadIndicatorCatalog } from './indicators.js';
import { CatalogError } from './yaml-file.js';

const SHIPPED_INDICATORS = fileURLToPath(new URL('../../../datasets/indicators.yaml', import.meta.url));

/** The fields of one indicator as YAML text, one line each, in this order (the code line first). */
const FIELDS = {
  name: '{ it: Popolazione residente, en: Resident population }',
  area: 'trasversale',
  unit: '{ it: abitanti, en: residents }',
  multiplier: '1',
  decimals: '0',
  polarity: 'neither',
  description: '{ it: Residenti al 1° gennaio., en: Residents on 1 January. }',
  numerator: '[{ variable: pop_res }]',
  denominator: 'null',
};
type Fields = { [K in keyof typeof FIELDS]?: string | null };

/** One indicator: 10 lines, `- code:` first; a field given as null is left out. */
function indicator(code: string, fields: Fields = {}): string[] {
  const merged: Fields = { ...FIELDS, ...fields };
  const lines = Object.entries(merged).filter(([, value]) => value !== null).map(([key, value]) => `    ${key}: ${value}`);
  return [`  - code: ${code}`, ...lines];
}

let folder: DataFolder;
beforeEach(async () => {
  folder = await makeDataFolder();
});
afterEach(() => folder.remove());

/** Writes indicators.yaml (`indicators:` on line 1, then the indicators) and loads it. */
async function load(indicators: string[][], knownVariables: readonly string[] = ['pop_res']) {
  await folder.write('indicators.yaml', `${['indicators:', ...indicators.flat()].join('\n')}\n`);
  return loadIndicatorCatalog(`${folder.dir}/indicators.yaml`, knownVariables, ['TOT', 'Y0-11', 'Y12-', 'Y65-']);
}
/** The heading and problems of the CatalogError an action throws. */
async function problemsOf(action: () => Promise<unknown>): Promise<{ heading: string; problems: string[] }> {
  const error = await action().then(
    () => { throw new Error('expected the catalogue to be refused'); },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CatalogError);
  const [heading, ...problems] = (error as CatalogError).message.split('\n- ');
  return { heading: heading!, problems };
}

describe('loadIndicatorCatalog', () => {
  it('loads the shipped catalogue against its variables and bands, filling in the defaults of each term', async () => {
    const variables = ['pop_res', 'pop_str', 'irpef_contribuenti', 'irpef_imponibile_n', 'irpef_imponibile_euro', 'irpef_complessivo_fino_0_n', 'irpef_complessivo_0_10k_n', 'posti_nido', 'posti_rsa'];
    const bands = ['TOT', 'Y0-2', 'Y0-11', 'Y12-', 'Y0-14', 'Y0-17', 'Y15-64', 'Y65-', 'Y75-', 'Y85-'];
    const indicators = await loadIndicatorCatalog(SHIPPED_INDICATORS, variables, bands);
    expect(indicators.map((i) => i.code)).toEqual(['DEM_POP', 'DEM_VAR', 'DEM_DENS', 'DEM_U12', 'DEM_MASC', 'DEM01', 'DEM02', 'DEM03', 'DEM04', 'DEM05', 'DEM06', 'DEM07', 'DEM10', 'ECO01', 'ECO03', 'SUP01', 'SUP02']);
    await expect(loadIndicatorCatalog(SHIPPED_INDICATORS, variables, bands.filter((b) => b !== 'Y65-'))).rejects.toThrow(/"Y65-" is not an age band of age_bands.yaml/);
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    expect(byCode.get('DEM_POP')!.denominator).toBeNull();
    expect(byCode.get('DEM_VAR')!.numerator).toEqual([
      { variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 },
      { variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 1, sign: -1 },
    ]);
    expect(byCode.get('DEM_DENS')!.denominator).toEqual([{ attribute: 'area_km2', sign: 1 }]);
  });

  it('loads a minimal indicator as written', async () => {
    expect(await load([indicator('DEM_POP')])).toEqual([
      {
        code: 'DEM_POP',
        name: { it: 'Popolazione residente', en: 'Resident population' },
        area: 'trasversale',
        unit: { it: 'abitanti', en: 'residents' },
        multiplier: 1,
        decimals: 0,
        polarity: 'neither',
        description: { it: 'Residenti al 1° gennaio.', en: 'Residents on 1 January.' },
        numerator: [{ variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 }],
        denominator: null,
        ci_method: 'none',
      },
    ]);
  });

  it('reports unknown variables and duplicate codes together, with file:line:column', async () => {
    const { heading, problems } = await problemsOf(() =>
      load([
        indicator('DEM_POP'), // lines 2-11
        indicator('DEM_STR', { numerator: '[{ variable: pop_str }]', denominator: '[{ variable: pop_tot }]' }), // lines 12-21
        indicator('DEM_POP'), // lines 22-31
      ]),
    );
    expect(heading).toBe('indicators.yaml does not match its schema:');
    expect(problems).toEqual([
      'indicators.yaml:20:29: DEM_STR numerator: "pop_str" is not a variable declared in sources.yaml (known: pop_res)',
      'indicators.yaml:21:31: DEM_STR denominator: "pop_tot" is not a variable declared in sources.yaml (known: pop_res)',
      'indicators.yaml:22:11: DEM_POP is defined twice',
    ]);
  });

  it('reports schema errors together, with file:line:column', async () => {
    const { heading, problems } = await problemsOf(() =>
      load([
        indicator('DEM_POP', { polarity: 'lower_better' }), // polarity on line 8
        indicator('DEM_VEC', { unit: null }), // lines 12-20, no unit
      ]),
    );
    expect(heading).toBe('indicators.yaml does not match its schema:');
    expect(problems).toEqual([
      'indicators.yaml:8:15: indicators[0].polarity: Invalid option: expected one of "higher_worse"|"higher_better"|"neither"',
      // A missing field is reported where its indicator starts.
      'indicators.yaml:12:5: indicators[1].unit: Invalid input: expected object, received undefined',
    ]);
  });

  it('reports an unknown variable, a duplicate code, a bad polarity and a missing field all at once', async () => {
    const { problems } = await problemsOf(() =>
      load([
        indicator('DEM_POP', { polarity: 'lower_better' }), // lines 2-11
        indicator('DEM_STR', { numerator: '[{ variable: pop_str }]' }), // lines 12-21
        indicator('DEM_POP', { unit: null }), // lines 22-30
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^indicators\.yaml:8:15: .*polarity/),
      expect.stringMatching(/^indicators\.yaml:20:29: .*"pop_str" is not a variable/),
      expect.stringMatching(/^indicators\.yaml:22:11: DEM_POP is defined twice/),
      expect.stringMatching(/^indicators\.yaml:22:5: .*unit/),
    ]));
  });
});
