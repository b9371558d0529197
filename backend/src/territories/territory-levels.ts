/** The levels the API lists and aggregates at, and which parent each may be asked under. */
export const TERRITORY_LEVELS = ['comune', 'ambito', 'provincia', 'regione'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** Every level in the snapshot, from the top; 'italia' is only ever a parent. */
export type AnyTerritoryLevel = TerritoryLevel | 'italia';

export const PARENT_LEVELS: Readonly<Record<TerritoryLevel, readonly AnyTerritoryLevel[]>> = {
  comune: ['ambito', 'provincia', 'regione', 'italia'],
  ambito: ['provincia', 'regione', 'italia'],
  provincia: ['regione', 'italia'],
  regione: ['italia'],
};
