import { TERRITORY_LEVELS as SNAPSHOT_LEVELS, type TerritoryLevel as AnyTerritoryLevel } from '@osservatorio/etl/contract';
import { BadParameterError } from '../core/errors.js';
import { oneOf } from '../core/i18n/language.js';

/** Every level in the snapshot (the ETL's hierarchy); 'italia' is only ever a parent. */
export type { AnyTerritoryLevel };
export type TerritoryLevel = Exclude<AnyTerritoryLevel, 'italia'>;

/** The levels the API lists and aggregates at, from the bottom. */
export const TERRITORY_LEVELS: readonly TerritoryLevel[] = SNAPSHOT_LEVELS.filter((level): level is TerritoryLevel => level !== 'italia').reverse();

/** The levels a level may be asked under: every level above it in the hierarchy, nearest first. */
export function parentLevels(level: TerritoryLevel): readonly AnyTerritoryLevel[] {
  return SNAPSHOT_LEVELS.slice(0, SNAPSHOT_LEVELS.indexOf(level)).reverse();
}

/** Refuses `parent` (a territory of the snapshot) as the container of the territories of `level` unless it is of a level above. */
export function requireParentOf(level: TerritoryLevel, parent: { code: string; name: string; level: string }): void {
  const allowed = parentLevels(level);
  if (allowed.includes(parent.level as AnyTerritoryLevel)) return;
  const levels = oneOf(allowed);
  throw new BadParameterError('parent', {
    it: `${parent.code} (${parent.name}) è di livello ${parent.level}; per il livello ${level} il contenitore deve essere di livello ${levels.it}`,
    en: `${parent.code} (${parent.name}) is of level ${parent.level}; for level ${level} the parent must be of level ${levels.en}`,
  });
}
