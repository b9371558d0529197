import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSourceCatalog } from '../sources/descriptor.js';
import { makeDataFolder, PROJECT_SOURCES_YAML, type DataFolder } from '../sources/testing/fixtures.js';
import { loadAgeBands } from './age-bands.js';
import { loadIndicatorCatalog } from './indicators.js';
import { CatalogError } from './yaml-file.js';

const SHIPPED_INDICATORS = fileURLToPath(new URL('../../../datasets/indicators.yaml', import.meta.url));
const SHIPPED_BANDS = fileURLToPath(new URL('../../../datasets/age_bands.yaml', import.meta.url));

/** The fields of one indicator as YAML text, one line each, in this order (the code line first). */
const FIELDS = {
  name: '{ it: Popolazione residente, en: Resident population }',
  area: 'trasversale',
  unit: '{ it: abitanti, en: residents }',
  multiplier: '1',
  decimals: '0',
  polarity: 'neither',
  ci_method: 'none',
  description: '{ it: Residenti al 1° gennaio., en: Residents on 1 January. }',
  source_notes: '{ it: ISTAT., en: ISTAT. }',
  caveats: '{ it: Nessuna., en: None. }',
  numerator: '[{ variable: pop_res }]',
  denominator: 'null',
};
type Fields = { [K in keyof typeof FIELDS | 'target' | 'min_denominator']?: string | null };

/** One indicator: 13 lines, `- code:` first; a field given as null is left out, extra fields go last. */
function indicator(code: string, fields: Fields = {}): string[] {
  const merged: Fields = { ...FIELDS, ...fields };
  const lines = Object.entries(merged).filter(([, value]) => value !== null).map(([key, value]) => `    ${key}: ${value}`);
  return [`  - code: ${code}`, ...lines];
}

const AREAS = 'areas: [{ code: trasversale, name: { it: Trasversale, en: Cross-cutting } }, { code: anziani, name: { it: Anziani, en: Older people } }]';
const VARIABLES = {
  pop_res: { it: 'Residenti', en: 'Residents', kind: 'count' },
  pop_str: { it: 'Stranieri', en: 'Foreign residents', kind: 'count', part_of: 'pop_res' },
  reddito_euro: { it: 'Reddito', en: 'Income', kind: 'amount' },
} as const;

let folder: DataFolder;
beforeEach(async () => {
  folder = await makeDataFolder();
});
afterEach(() => folder.remove());

/** Writes indicators.yaml (`areas:` on line 1, `indicators:` on line 2, then the indicators) and loads it. */
async function load(indicators: string[][], variables: Partial<typeof VARIABLES> = { pop_res: VARIABLES.pop_res }) {
  await folder.write('indicators.yaml', `${[AREAS, 'indicators:', ...indicators.flat()].join('\n')}\n`);
  return (await loadIndicatorCatalog(`${folder.dir}/indicators.yaml`, variables, ['TOT', 'Y0-11', 'Y12-', 'Y65-', 'Y75-'])).indicators;
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
    const written = parse(readFileSync(SHIPPED_INDICATORS, 'utf8')) as { areas: { code: string }[]; indicators: { code: string; area: string }[] };
    const { variables } = await loadSourceCatalog(PROJECT_SOURCES_YAML);
    const bands = (await loadAgeBands(SHIPPED_BANDS)).map((b) => b.code);
    const { areas, indicators } = await loadIndicatorCatalog(SHIPPED_INDICATORS, variables, bands);
    expect(indicators.map((i) => i.code)).toEqual(written.indicators.map((i) => i.code));
    expect(areas.map((a) => a.code)).toEqual(['minori_famiglia', 'anziani', 'disabilita', 'poverta_esclusione', 'immigrazione', 'dipendenze', 'salute_mentale', 'trasversale']);
    // At least 30 indicators, and every area of intervention has some.
    expect(indicators.length).toBeGreaterThanOrEqual(30);
    expect(new Set(indicators.map((i) => i.area))).toEqual(new Set(areas.map((a) => a.code)));
    await expect(loadIndicatorCatalog(SHIPPED_INDICATORS, variables, bands.filter((b) => b !== 'Y65-'))).rejects.toThrow(/"Y65-" is not an age band of age_bands.yaml/);
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    expect(byCode.get('DEM_POP')!.denominator).toBeNull();
    expect(byCode.get('DEM_VAR')!.numerator).toEqual([
      { variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 },
      { variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 1, sign: -1 },
    ]);
    expect(byCode.get('DEM_DENS')!.denominator).toEqual([{ attribute: 'area_km2', sign: 1 }]);
    // The norms DOMAIN.md names.
    expect(byCode.get('SUP01')).toMatchObject({ target: 33, multiplier: 100, denominator: [{ variable: 'pop_res', age_band: 'Y0-2' }] });
    expect(byCode.get('SUP06')).toMatchObject({ target: 1, multiplier: 5000, numerator: [{ variable: 'assistenti_sociali_fte' }], denominator: [{ variable: 'pop_res', age_band: 'TOT' }] });
    expect(byCode.get('SUP03')).toMatchObject({ target: 10, multiplier: 100, denominator: [{ variable: 'pop_res', age_band: 'Y65-' }] });
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
        ci_method: 'none',
        description: { it: 'Residenti al 1° gennaio.', en: 'Residents on 1 January.' },
        source_notes: { it: 'ISTAT.', en: 'ISTAT.' },
        caveats: { it: 'Nessuna.', en: 'None.' },
        numerator: [{ variable: 'pop_res', sex: 'T', age_band: 'TOT', lag: 0, sign: 1 }],
        denominator: null,
      },
    ]);
  });

  it('reports unknown variables and duplicate codes together, with file:line:column', async () => {
    const { heading, problems } = await problemsOf(() =>
      load([
        indicator('DEM_POP'), // lines 3-15
        indicator('DEM_STR', { numerator: '[{ variable: pop_str }]', denominator: '[{ variable: pop_tot }]', min_denominator: '100' }), // lines 16-29
        indicator('DEM_POP'), // lines 30-42
      ]),
    );
    expect(heading).toBe('indicators.yaml does not match its schema:');
    expect(problems).toEqual([
      'indicators.yaml:27:29: DEM_STR numerator: "pop_str" is not a variable declared in sources.yaml (known: pop_res)',
      'indicators.yaml:28:31: DEM_STR denominator: "pop_tot" is not a variable declared in sources.yaml (known: pop_res)',
      'indicators.yaml:30:11: DEM_POP is defined twice',
    ]);
  });

  it('reports schema errors together, with file:line:column', async () => {
    const { heading, problems } = await problemsOf(() =>
      load([
        indicator('DEM_POP', { polarity: 'lower_better' }), // polarity on line 9
        indicator('DEM_VEC', { unit: null, ci_method: 'poisson' }), // lines 16-27, no unit, ci_method on line 22
      ]),
    );
    expect(heading).toBe('indicators.yaml does not match its schema:');
    expect(problems).toEqual([
      'indicators.yaml:9:15: indicators[0].polarity: Invalid option: expected one of "higher_worse"|"higher_better"|"neither"',
      // A missing field is reported where its indicator starts.
      'indicators.yaml:16:5: indicators[1].unit: Invalid input: expected object, received undefined',
      'indicators.yaml:22:16: indicators[1].ci_method: Invalid option: expected one of "proportion"|"rate"|"ratio"|"mean"|"none"',
    ]);
  });

  it('reports an unknown variable, a duplicate code, a bad polarity and a missing field all at once', async () => {
    const { problems } = await problemsOf(() =>
      load([
        indicator('DEM_POP', { polarity: 'lower_better' }), // lines 3-15
        indicator('DEM_STR', { numerator: '[{ variable: pop_str }]' }), // lines 16-28
        indicator('DEM_POP', { unit: null }), // lines 29-40
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^indicators\.yaml:9:15: .*polarity/),
      expect.stringMatching(/^indicators\.yaml:27:29: .*"pop_str" is not a variable/),
      expect.stringMatching(/^indicators\.yaml:29:11: DEM_POP is defined twice/),
      expect.stringMatching(/^indicators\.yaml:29:5: .*unit/),
    ]));
  });

  it('refuses an area outside the controlled list, a proportion whose numerator is not part of its denominator, a target without a denominator and a missing minimum denominator, all at once', async () => {
    const { problems } = await problemsOf(() =>
      load(
        [
          // lines 3-15: area on line 5
          indicator('AAA', { area: 'famiglie' }),
          // lines 16-29: 75+ over 65+ as a proportion is fine; 65+ over 75+ is not (ci_method on line 23)
          indicator('BBB', { ci_method: 'proportion', numerator: '[{ variable: pop_res, age_band: Y65- }]', denominator: '[{ variable: pop_res, age_band: Y75- }]', min_denominator: '50' }),
          // lines 30-43: a plain count with a target (line 43)
          indicator('CCC', { target: '33' }),
          // lines 44-56: a ratio without min_denominator, reported where the indicator starts
          indicator('DDD', { ci_method: 'ratio', denominator: '[{ variable: pop_res, age_band: Y65- }]' }),
          // lines 57-70: a mean of counts (ci_method on line 64)
          indicator('EEE', { ci_method: 'mean', numerator: '[{ variable: pop_str }]', min_denominator: '1', denominator: '[{ variable: pop_res }]' }),
        ],
        VARIABLES,
      ),
    );
    expect(problems).toEqual([
      'indicators.yaml:5:11: AAA: "famiglie" is not an area of the catalogue (known: trasversale, anziani)',
      'indicators.yaml:23:16: BBB: numerator term pop_res (sex T, Y65-) is not part of any denominator term (pop_res (sex T, Y75-)); a proportion needs the numerator to be a subset of the denominator (same variable or one declared part_of it, same or narrower sex and ages, same lag); use ratio or rate',
      'indicators.yaml:43:13: CCC: a target needs a denominator (a norm per residents, per children…); a plain count has none',
      'indicators.yaml:44:5: DDD: an indicator with a denominator needs min_denominator, the denominator below which its values are flagged as small numbers',
      'indicators.yaml:64:16: EEE: a mean divides an amount (kind amount) by a count of the units that have it (kind count)',
    ]);
  });

  it('accepts a proportion of a variable declared part of its denominator, by sex and age, and refuses overlapping or subtracted numerator terms', async () => {
    const proportion = (code: string, numerator: string, denominator: string) => indicator(code, { ci_method: 'proportion', numerator, denominator, min_denominator: '100' });
    const accepted = await load(
      [
        proportion('STR', '[{ variable: pop_str, sex: F, age_band: Y75- }]', '[{ variable: pop_res, age_band: Y65- }]'),
        proportion('U12', '[{ variable: pop_res, age_band: Y0-11 }]', '[{ variable: pop_res, age_band: Y0-11 }, { variable: pop_res, age_band: Y12- }]'),
      ],
      VARIABLES,
    );
    expect(accepted.map((i) => i.code)).toEqual(['STR', 'U12']);
    const { problems } = await problemsOf(() =>
      load(
        [
          proportion('TWICE', '[{ variable: pop_res, age_band: Y65- }, { variable: pop_res, sex: F, age_band: Y75- }]', '[{ variable: pop_res }]'), // ci_method on line 10
          proportion('LESS', '[{ variable: pop_res }, { variable: pop_res, age_band: Y65-, sign: -1 }]', '[{ variable: pop_res }]'), // ci_method on line 24
          proportion('INV', '[{ variable: pop_res }]', '[{ variable: pop_str }]'), // ci_method on line 38
        ],
        VARIABLES,
      ),
    );
    expect(problems).toEqual([
      'indicators.yaml:10:16: TWICE: numerator terms pop_res (sex T, Y65-) and pop_res (sex F, Y75-) overlap, so some cases would be counted twice',
      'indicators.yaml:24:16: LESS: a proportion adds its terms, none subtracted; use ratio or none',
      expect.stringMatching(/^indicators\.yaml:38:16: INV: numerator term pop_res \(sex T, TOT\) is not part of any denominator term \(pop_str \(sex T, TOT\)\)/),
    ]);
  });
});
