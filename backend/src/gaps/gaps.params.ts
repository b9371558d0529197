/** The gaps endpoint's query parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';

export const GAP_LEVELS = ['comune', 'ambito'] as const;

export const GapsQuerySchema = z.object({
  indicator: param.territoryCode().required('SUP01'),
  level: param.choice(GAP_LEVELS).otherwise('comune' as const),
  parent: param.territoryCode().otherwise(null),
  year: param.year(),
});
export type GapsQuery = z.output<typeof GapsQuerySchema>;
