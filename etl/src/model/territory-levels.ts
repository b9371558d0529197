/** The levels of the territorial hierarchy in a snapshot, from the top: Italia ⊃ regione ⊃ provincia ⊃ Ambito ⊃ comune. */
export const TERRITORY_LEVELS = ['italia', 'regione', 'provincia', 'ambito', 'comune'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];
