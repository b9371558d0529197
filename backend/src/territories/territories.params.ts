/** The territories endpoint's query parameters. */
import { z } from 'zod';
import { param } from '../core/param-schemas.js';
import { checkOptional, ParameterProblem } from '../core/params.js';
import { TERRITORY_LEVELS } from './territory-levels.js';

// Every territory of Italy (7,904 comuni, their ambiti, province and regioni) fits one page.
export const TERRITORIES_MAX_LIMIT = 10_000;

/** Enough for a list of suggestions under a search box. */
export const SEARCH_LIMIT = 20;
const SEARCH_LENGTH = { min: 2, max: 60 };

/** Text to look for in names: 2 to 60 characters once trimmed. */
const searchText = param.custom((raw) => {
  const value = checkOptional(raw)?.trim();
  if (value === undefined) return undefined;
  if (value.length >= SEARCH_LENGTH.min && value.length <= SEARCH_LENGTH.max) return value;
  const rule = {
    it: `da ${SEARCH_LENGTH.min} a ${SEARCH_LENGTH.max} caratteri di un nome (es. q=vige)`,
    en: `${SEARCH_LENGTH.min} to ${SEARCH_LENGTH.max} characters of a name (e.g. q=vige)`,
  };
  throw new ParameterProblem({ it: `indicare ${rule.it}`, en: `give ${rule.en}` }, rule);
});

export const TerritoriesQuerySchema = z.object({
  level: param.choice(TERRITORY_LEVELS).otherwise(null),
  parent: param.territoryCode().otherwise(null),
  q: searchText.otherwise(null),
  limit: param.limit(TERRITORIES_MAX_LIMIT, TERRITORIES_MAX_LIMIT),
  offset: param.offset(),
});
export type TerritoriesQuery = z.output<typeof TerritoriesQuerySchema>;
