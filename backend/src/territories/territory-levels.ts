import { TERRITORY_LEVELS as SNAPSHOT_LEVELS, type TerritoryLevel as AnyTerritoryLevel } from '@osservatorio/etl/contract';

/** Every level in the snapshot (the ETL's hierarchy); 'italia' is only ever a parent. */
export type { AnyTerritoryLevel };
export type TerritoryLevel = Exclude<AnyTerritoryLevel, 'italia'>;

/** The levels the API lists and aggregates at, from the bottom. */
export const TERRITORY_LEVELS: readonly TerritoryLevel[] = SNAPSHOT_LEVELS.filter((level): level is TerritoryLevel => level !== 'italia').reverse();

/** The levels a level may be asked under: every level above it in the hierarchy, nearest first. */
export function parentLevels(level: TerritoryLevel): readonly AnyTerritoryLevel[] {
  return SNAPSHOT_LEVELS.slice(0, SNAPSHOT_LEVELS.indexOf(level)).reverse();
}
