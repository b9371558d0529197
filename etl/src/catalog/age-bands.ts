/**
 * The age bands (datasets/age_bands.yaml): the contract for which bands indicator terms may name. A band
 * covers single years of age `from`…`to` (null: open ended); TOT, every age, is always defined.
 */
import { z } from 'zod';
import { readYamlFile } from './yaml-file.js';

/** The oldest single age published: 100 means "100 and over". */
export const OPEN_AGE = 100;
export const TOTAL_BAND = 'TOT';

const localized = z.object({ it: z.string().min(1), en: z.string().min(1) }).strict();

const bandSchema = z
  .object({
    code: z.string().regex(/^Y\d{1,3}-(\d{1,3})?$/, "expected a code like 'Y0-14' or 'Y65-' (open ended)"),
    from: z.number().int().min(0).max(OPEN_AGE),
    to: z.number().int().min(0).max(OPEN_AGE - 1).nullable(),
    name: localized,
  })
  .strict()
  .refine((b) => b.to === null || b.to >= b.from, { message: 'expected to ≥ from', path: ['to'] })
  .refine((b) => b.code === bandCode(b.from, b.to), { message: 'expected the code to say what the band covers: Y<from>-<to>, or Y<from>- when open ended', path: ['code'] });

const fileSchema = z.object({ bands: z.array(bandSchema).min(1) }).strict();

export type AgeBand = z.infer<typeof bandSchema>;

export function bandCode(from: number, to: number | null): string {
  return `Y${from}-${to ?? ''}`;
}

/** Reads and validates the bands; TOT (every age) comes first and is always present. */
export async function loadAgeBands(file: string): Promise<AgeBand[]> {
  const { data } = await readYamlFile(file, fileSchema, (raw, locate) => {
    const bands = (raw as { bands?: unknown })?.bands;
    if (!Array.isArray(bands)) return [];
    const seen = new Set<unknown>();
    return bands.flatMap((band: { code?: unknown } | null, index) => {
      const code = band?.code;
      const problem = seen.has(code) ? [`${locate(['bands', index, 'code'])}: ${String(code)} is defined twice`] : [];
      seen.add(code);
      return problem;
    });
  });
  return [{ code: TOTAL_BAND, from: 0, to: null, name: { it: 'tutte le età', en: 'all ages' } }, ...data.bands];
}
