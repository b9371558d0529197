/** The profile endpoint's parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { engineParam } from '../engine/engine-params.js';

export const ProfileTerritory = param.territoryCode().required('018110');

export const ProfileQuerySchema = z.object({
  year: param.year().otherwise(null),
  benchmark: engineParam.territoryBenchmark(),
});
export type ProfileQuery = z.output<typeof ProfileQuerySchema>;
