/** The district configuration (territory/ambiti.yaml): which comuni form each Ambito, and when. */
import { z } from 'zod';
import { excerpt } from '../sources/errors.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  // Round-trip through Date so that a day the month does not have (2021-02-30) is refused, not rolled over.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    ctx.addIssue({ code: 'custom', message: `"${excerpt(text)}" is not a date; expected YYYY-MM-DD` });
    return z.NEVER;
  }
  return text;
});

const memberSchema = z
  .object({
    comune: z.string().regex(/^\d{6}$/, 'expected a 6-digit ISTAT comune code in quotes, e.g. \'018110\''),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
  })
  .strict();

const ambitoSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,8}$/, 'expected a code like PV-01 (provincia sigla, dash, up to 8 letters or digits)'),
    name: z.string().min(1),
    provincia: z.string().regex(/^\d{3}$/, "expected a 3-digit provincia code, e.g. '018'"),
    members: z.array(memberSchema).min(1),
  })
  .strict();

const ambitiFileSchema = z
  .object({
    example: z.boolean(),
    note: z.object({ it: z.string(), en: z.string() }).strict().optional(),
    ambiti: z.array(ambitoSchema),
  })
  .strict();

export type AmbitiFile = z.infer<typeof ambitiFileSchema>;

export function readAmbitiFile(file: string): Promise<YamlFile<AmbitiFile>> {
  return readYamlFile(file, ambitiFileSchema);
}
