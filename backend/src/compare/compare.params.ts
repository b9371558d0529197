/** The compare endpoint's query parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { engineParam } from '../engine/engine-params.js';

export const MAX_COMPARED = 50;

export const CompareQuerySchema = z.object({
  territories: engineParam.codeList(MAX_COMPARED).required('018110,019036'),
  indicators: engineParam.codeList(200),
  year: param.year().otherwise(null),
  benchmark: engineParam.territoryBenchmark(),
});
export type CompareQuery = z.output<typeof CompareQuerySchema>;
