/**
 * The indicator catalogue (datasets/indicators.yaml): the contract for how every indicator is computed.
 * An indicator is Σnumerator ÷ Σdenominator × multiplier over additive terms, at every level.
 */
import { z } from 'zod';
import { SEXES } from '../sources/descriptor.js';
import { readYamlFile } from './yaml-file.js';

const localized = z.object({ it: z.string().min(1), en: z.string().min(1) }).strict();

/** Territory attributes a term may read (a whitelist: they name columns of `territory`). */
export const TERRITORY_ATTRIBUTES = ['area_km2'] as const;

/** Which way is worse: the dashboard colours values by it. */
export const POLARITIES = ['higher_worse', 'higher_better', 'neither'] as const;
export type Polarity = (typeof POLARITIES)[number];

const variableTerm = z
  .object({
    variable: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a variable name like pop_res'),
    sex: z.enum(SEXES).default('T'),
    age_band: z.string().regex(/^(TOT|Y\d+-\d*)$/, "expected 'TOT' or a band of datasets/age_bands.yaml like 'Y0-14' or 'Y65-'").default('TOT'),
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
    polarity: z.enum(POLARITIES),
    description: localized,
    caveats: localized.optional(),
    target: z.number().optional(),
    /** How a confidence interval is computed; proportion also means numerator ≤ denominator. */
    ci_method: z.enum(['proportion', 'rate', 'ratio', 'mean', 'none']).default('none'),
    numerator: z.array(term).min(1),
    denominator: z.array(term).min(1).nullable(),
  })
  .strict();

const catalogSchema = z.object({ indicators: z.array(indicatorSchema).min(1) }).strict();

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorTerm = z.infer<typeof term>;

/** Reads and validates the catalogue; `knownVariables` come from sources.yaml, `knownBands` from age_bands.yaml. */
export async function loadIndicatorCatalog(file: string, knownVariables: readonly string[], knownBands: readonly string[]): Promise<Indicator[]> {
  const { data } = await readYamlFile(file, catalogSchema, (raw, locate) => crossChecks(raw, locate, knownVariables, knownBands));
  return data.indicators;
}

/** Unique codes and declared variables, checked on whatever parts of the file are well formed. */
function crossChecks(raw: unknown, locate: (segments: readonly PropertyKey[]) => string, knownVariables: readonly string[], knownBands: readonly string[]): string[] {
  const indicators = (raw as { indicators?: unknown })?.indicators;
  if (!Array.isArray(indicators)) return [];
  const problems: string[] = [];
  const seen = new Set<unknown>();
  indicators.forEach((indicator: Record<string, unknown> | null, index) => {
    const code = indicator?.code;
    if (typeof code === 'string' && seen.has(code)) problems.push(`${locate(['indicators', index, 'code'])}: ${code} is defined twice`);
    seen.add(code);
    for (const part of ['numerator', 'denominator'] as const) {
      const terms = indicator?.[part];
      if (!Array.isArray(terms)) continue;
      terms.forEach((term: Record<string, unknown> | null, termIndex) => {
        const variable = term?.variable;
        if (typeof variable === 'string' && !knownVariables.includes(variable)) {
          problems.push(`${locate(['indicators', index, part, termIndex, 'variable'])}: ${String(code)} ${part}: "${variable}" is not a variable declared in sources.yaml (known: ${knownVariables.join(', ')})`);
        }
        const band = term?.age_band;
        if (typeof band === 'string' && !knownBands.includes(band)) {
          problems.push(`${locate(['indicators', index, part, termIndex, 'age_band'])}: ${String(code)} ${part}: "${band}" is not an age band of age_bands.yaml (known: ${knownBands.join(', ')})`);
        }
      });
    }
  });
  return problems;
}
