/** What the model is built from, whichever way it was read (published files or the demo). */
export interface SourceMeta {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly licence: string;
  readonly url: string | null;
  readonly file: string | null;
  readonly sha256: string | null;
  readonly rowsRead: number;
  readonly synthetic: boolean;
}

export interface ComuneInput {
  readonly code: string;
  readonly name: string;
  readonly provinciaCode: string;
  readonly areaKm2: number | null;
  /** Where the area comes from when not from the comuni list itself (the demo's, from the boundaries). */
  readonly areaSourceId?: string;
}
export interface ProvinciaInput {
  readonly sourceId: string;
  readonly code: string;
  readonly name: string;
  readonly regioneCode: string;
  readonly areaKm2: number | null;
  readonly sigla?: string | null;
}
export interface RegioneInput {
  readonly sourceId: string;
  readonly code: string;
  readonly name: string;
  readonly areaKm2: number | null;
}
export interface ComuneValidityInput {
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** The cadastral (Belfiore) code; null where the history does not give it. */
  readonly cadastral: string | null;
}
export interface SuppressedInput {
  readonly code: string;
  readonly name: string;
  readonly date: string;
  readonly newCode: string;
  readonly split: boolean;
}
export interface BoundariesInput {
  readonly sourceId: string;
  /** The file read, relative to the data folder, for errors. */
  readonly file?: string;
  readonly provinciaCode: string;
  readonly topology: object;
  readonly objectName: string;
  readonly geometries: readonly { readonly code: string; readonly name: string; readonly index: number }[];
}

export interface ModelInput {
  readonly mode: 'real' | 'demo';
  /** The date the comuni list describes: values are harmonised onto the comuni valid then. */
  readonly referenceDate: string;
  readonly sources: readonly SourceMeta[];
  /** The source of the comuni list (and of the Italia row built from it). */
  readonly territorySourceId: string;
  readonly comuni: readonly ComuneInput[];
  readonly province: readonly ProvinciaInput[];
  readonly regioni: readonly RegioneInput[];
  readonly history: readonly ComuneValidityInput[];
  readonly suppressed: readonly SuppressedInput[];
  readonly boundaries: readonly BoundariesInput[];
}
