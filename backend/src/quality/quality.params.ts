/** The quality endpoint's query parameters. `rule` is checked by the service against the snapshot's rules. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { SEVERITIES } from './quality-rules.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const QualityQuerySchema = z.object({
  severity: param.choice(SEVERITIES).otherwise(null),
  rule: param.text().otherwise(null),
  territory: param.territoryCode().otherwise(null),
  // Large pages are cut to MAX_LIMIT rather than refused; the answer says which limit was applied.
  limit: param.limit(DEFAULT_LIMIT, MAX_LIMIT),
  offset: param.offset(),
});
export type QualityQuery = z.output<typeof QualityQuerySchema>;
