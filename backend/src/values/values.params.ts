/** The values and trend endpoints' query parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { ParameterProblem } from '../core/params.js';
import { engineParam } from '../engine/engine-params.js';
import { TERRITORY_LEVELS } from '../territories/territory-levels.js';

/** At most this many comuni in a group summed as one row. */
export const MAX_GROUP = 500;

export const ValuesQuerySchema = z
  .object({
    level: param.choice(TERRITORY_LEVELS).otherwise('comune' as const),
    parent: param.territoryCode().otherwise(null),
    year: param.year(),
    years: engineParam.years(),
    benchmark: engineParam.benchmark(),
    group: engineParam.codeList(MAX_GROUP).otherwise(null),
    classify: param.choice(['quintiles'] as const).otherwise(null),
    limit: engineParam.limit(),
    offset: engineParam.offset(),
  })
  .superRefine((query, ctx) => {
    if (query.year === undefined || query.years === undefined) return;
    const problem = new ParameterProblem({ it: 'indicare year o years, non entrambi', en: 'give year or years, not both' });
    ctx.addIssue({ code: 'custom', path: ['years'], message: problem.message, params: { problem } });
  });
export type ValuesQuery = z.output<typeof ValuesQuerySchema>;

export const TrendQuerySchema = z.object({
  territory: param.territoryCode().required('018110'),
  benchmark: engineParam.benchmark(),
});
export type TrendQuery = z.output<typeof TrendQuerySchema>;
