/** The territories endpoint's query parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { TERRITORY_LEVELS } from './territory-levels.js';

// Every territory of Italy (7,904 comuni, their ambiti, province and regioni) fits one page.
export const TERRITORIES_MAX_LIMIT = 10_000;

export const TerritoriesQuerySchema = z.object({
  level: param.choice(TERRITORY_LEVELS).otherwise(null),
  parent: param.territoryCode().otherwise(null),
  limit: param.limit(TERRITORIES_MAX_LIMIT, TERRITORIES_MAX_LIMIT),
  offset: param.offset(),
});
export type TerritoriesQuery = z.output<typeof TerritoriesQuerySchema>;
