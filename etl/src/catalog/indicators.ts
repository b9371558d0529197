/**
 * The indicator catalogue (datasets/indicators.yaml): the contract for how every indicator is computed,
 * and the controlled list of areas of intervention the indicators belong to.
 * An indicator is Σnumerator ÷ Σdenominator × multiplier over additive terms, at every level.
 */
import { z } from 'zod';
import type { VariableDefinition } from '../sources/descriptor.js';
import { SEXES } from '../sources/descriptor.js';
import { formulaProblems } from './indicator-formula.js';
import { readYamlFile } from './yaml-file.js';

const localized = z.object({ it: z.string().min(1), en: z.string().min(1) }).strict();
const areaCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected an area code like minori_famiglia');

/** Territory attributes a term may read (a whitelist: they name columns of `territory`). */
export const TERRITORY_ATTRIBUTES = ['area_km2'] as const;

/** Which way is worse: the dashboard colours values by it. */
export const POLARITIES = ['higher_worse', 'higher_better', 'neither'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** How a confidence interval is computed (proportion: the numerator counts a part of the denominator). */
export const CI_METHODS = ['proportion', 'rate', 'ratio', 'mean', 'none'] as const;
export type CiMethod = (typeof CI_METHODS)[number];

/** An area of intervention: one Tavolo each (DOMAIN.md). */
export const areaSchema = z.object({ code: areaCode, name: localized }).strict();

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
    /** An area code of the catalogue's `areas`. */
    area: areaCode,
    unit: localized,
    multiplier: z.number().positive(),
    decimals: z.number().int().min(0).max(6),
    polarity: z.enum(POLARITIES),
    /** The definition: what is counted over what, in words. */
    description: localized,
    /** Where the inputs come from and how they are read. */
    source_notes: localized,
    /** What a reader should know before drawing conclusions. */
    caveats: localized,
    /** A norm the value should reach (e.g. 33 nursery places per 100 children), in the indicator's unit. */
    target: z.number().positive().optional(),
    ci_method: z.enum(CI_METHODS),
    /** Below this denominator a value rests on small numbers and is flagged; required with a denominator. */
    min_denominator: z.number().nonnegative().optional(),
    numerator: z.array(term).min(1),
    denominator: z.array(term).min(1).nullable(),
  })
  .strict();

const catalogSchema = z.object({ areas: z.array(areaSchema).min(1), indicators: z.array(indicatorSchema).min(1) }).strict();

export type Area = z.infer<typeof areaSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorTerm = z.infer<typeof term>;
export interface IndicatorCatalog {
  readonly areas: readonly Area[];
  readonly indicators: readonly Indicator[];
}

/** Reads and validates the catalogue; `variables` come from sources.yaml, `knownBands` from age_bands.yaml. */
export async function loadIndicatorCatalog(file: string, variables: Readonly<Record<string, VariableDefinition>>, knownBands: readonly string[]): Promise<IndicatorCatalog> {
  const { data } = await readYamlFile(file, catalogSchema, (raw, locate) => crossChecks(raw, locate, variables, knownBands));
  return data;
}

type Locate = (segments: readonly PropertyKey[]) => string;

/** Checks the schema cannot express, run on whatever parts of the file are well formed. */
function crossChecks(raw: unknown, locate: Locate, variables: Readonly<Record<string, VariableDefinition>>, knownBands: readonly string[]): string[] {
  const problems = areaProblems(raw, locate);
  const areaCodes = ((raw as { areas?: unknown })?.areas instanceof Array ? ((raw as { areas: unknown[] }).areas) : []).map((a) => (a as { code?: unknown } | null)?.code);
  const indicators = (raw as { indicators?: unknown })?.indicators;
  if (!Array.isArray(indicators)) return problems;
  const knownVariables = Object.keys(variables);
  const seen = new Set<unknown>();
  indicators.forEach((indicator: Record<string, unknown> | null, index) => {
    const at = (...segments: PropertyKey[]) => locate(['indicators', index, ...segments]);
    const code = indicator?.code;
    if (typeof code === 'string' && seen.has(code)) problems.push(`${at('code')}: ${code} is defined twice`);
    seen.add(code);
    const area = indicator?.area;
    if (typeof area === 'string' && !areaCodes.includes(area)) problems.push(`${at('area')}: ${String(code)}: "${area}" is not an area of the catalogue (known: ${areaCodes.join(', ')})`);
    let termsKnown = true;
    for (const part of ['numerator', 'denominator'] as const) {
      const terms = indicator?.[part];
      if (!Array.isArray(terms)) continue;
      terms.forEach((term: Record<string, unknown> | null, termIndex) => {
        const variable = term?.variable;
        if (typeof variable === 'string' && !knownVariables.includes(variable)) {
          termsKnown = false;
          problems.push(`${at(part, termIndex, 'variable')}: ${String(code)} ${part}: "${variable}" is not a variable declared in sources.yaml (known: ${knownVariables.join(', ')})`);
        }
        const band = term?.age_band;
        if (typeof band === 'string' && !knownBands.includes(band)) {
          termsKnown = false;
          problems.push(`${at(part, termIndex, 'age_band')}: ${String(code)} ${part}: "${band}" is not an age band of age_bands.yaml (known: ${knownBands.join(', ')})`);
        }
      });
    }
    // The formula checks read the terms with their defaults, so only an indicator the schema accepts.
    const parsed = indicatorSchema.safeParse(indicator);
    if (parsed.success && termsKnown) problems.push(...formulaProblems(parsed.data, variables).map(({ field, message }) => `${at(field)}: ${parsed.data.code}: ${message}`));
  });
  return problems;
}

function areaProblems(raw: unknown, locate: Locate): string[] {
  const areas = (raw as { areas?: unknown })?.areas;
  if (!Array.isArray(areas)) return [];
  const seen = new Set<unknown>();
  return areas.flatMap((area: { code?: unknown } | null, index) => {
    const code = area?.code;
    const twice = typeof code === 'string' && seen.has(code);
    seen.add(code);
    return twice ? [`${locate(['areas', index, 'code'])}: area ${code} is defined twice`] : [];
  });
}
