/** The export endpoint's query parameters (`format` is read with the Accept header, by chooseFormat). */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { engineParam } from '../engine/engine-params.js';
import { TERRITORY_LEVELS } from '../territories/territory-levels.js';

export const ExportQuerySchema = z.object({
  level: param.choice(TERRITORY_LEVELS).otherwise('comune' as const),
  parent: param.territoryCode().otherwise(null),
  years: engineParam.years(),
  indicators: engineParam.codeList(200),
});
export type ExportQuery = z.output<typeof ExportQuerySchema>;
