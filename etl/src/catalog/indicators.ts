/**
 * The indicator catalogue (datasets/indicators.yaml): the contract for how every indicator is computed.
 * An indicator is Σnumerator ÷ Σdenominator × multiplier over additive terms, at every level.
 */
import { z } from 'zod';
import { CatalogError, readYamlFile } from './yaml-file.js';

const localized = z.object({ it: z.string().min(1), en: z.string().min(1) }).strict();

/** Territory attributes a term may read (a whitelist: they name columns of `territory`). */
export const TERRITORY_ATTRIBUTES = ['area_km2'] as const;

const variableTerm = z
  .object({
    variable: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a variable name like pop_res'),
    sex: z.enum(['T', 'M', 'F']).default('T'),
    age_band: z.string().regex(/^(TOT|Y\d+(-\d*)?)$/, "expected 'TOT', 'Y<from>-<to>' or 'Y<from>-'").default('TOT'),
    lag: z.number().int().min(0).max(50).default(0),
    sign: z.union([z.literal(1), z.literal(-1)]).default(1),
  })
  .strict();
const attributeTerm = z.object({ attribute: z.enum(TERRITORY_ATTRIBUTES), sign: z.union([z.literal(1), z.literal(-1)]).default(1) }).strict();
const term = z.union([variableTerm, attributeTerm]);

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/, 'expected an upper-case code like DEM_POP'),
    name: localized,
    area: z.string().min(1),
    unit: localized,
    multiplier: z.number().positive(),
    decimals: z.number().int().min(0).max(6),
    polarity: z.enum(['higher_worse', 'higher_better', 'neither']),
    description: localized,
    caveats: localized.optional(),
    target: z.number().optional(),
    numerator: z.array(term).min(1),
    denominator: z.array(term).min(1).nullable(),
  })
  .strict();

const catalogSchema = z.object({ indicators: z.array(indicatorSchema).min(1) }).strict();

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorTerm = z.infer<typeof term>;

/** Reads and validates the catalogue; `knownVariables` come from sources.yaml. */
export async function loadIndicatorCatalog(file: string, knownVariables: readonly string[]): Promise<Indicator[]> {
  const { data, locate } = await readYamlFile(file, catalogSchema);
  const { indicators } = data;
  const problems: string[] = [];
  const seen = new Set<string>();
  indicators.forEach((indicator, index) => {
    if (seen.has(indicator.code)) problems.push(`${locate(['indicators', index, 'code'])}: ${indicator.code} is defined twice`);
    seen.add(indicator.code);
    for (const [part, terms] of [['numerator', indicator.numerator], ['denominator', indicator.denominator ?? []]] as const) {
      terms.forEach((t, termIndex) => {
        if ('variable' in t && !knownVariables.includes(t.variable)) {
          problems.push(`${locate(['indicators', index, part, termIndex, 'variable'])}: ${indicator.code} ${part}: "${t.variable}" is not a variable declared in sources.yaml (known: ${knownVariables.join(', ')})`);
        }
      });
    }
  });
  if (problems.length > 0) throw new CatalogError(`indicators.yaml has errors:\n- ${problems.join('\n- ')}`);
  return indicators;
}
