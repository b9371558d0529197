/**
 * Response shapes of the Osservatorio API, as documented in its OpenAPI contract.
 * Hand-written to the contract until the generated client replaces them; keep field names identical.
 */

export type Lang = 'it' | 'en';
export type Localized = Record<Lang, string>;

export type Level = 'comune' | 'ambito' | 'provincia' | 'regione';
export type Polarity = 'higher_worse' | 'higher_better' | 'neither';

export interface SnapshotInfo {
  id: string;
  createdAt: string;
  mode: 'real' | 'demo';
  referenceDate: string;
  ambitiExample: boolean;
  ambitiNote: string | null;
}

export interface Health {
  status: 'ok';
  snapshot: SnapshotInfo | null;
  database: 'sqlite' | 'postgres';
}

export interface Indicator {
  code: string;
  name: Localized;
  area: string;
  unit: Localized;
  multiplier: number;
  decimals: number;
  polarity: Polarity;
  description: Localized;
  caveats?: Localized;
  /** Years with data, ascending. */
  years: number[];
}

export interface IndicatorList {
  snapshot: SnapshotInfo;
  rows: Indicator[];
}

export interface Territory {
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  areaKm2: number | null;
}

export interface TerritoryList {
  snapshot: SnapshotInfo;
  level: Level;
  parent: string | null;
  rows: Territory[];
}

export interface ValueRow {
  code: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  /** null = no data ("nessun dato"), never zero. */
  value: number | null;
  synthetic: boolean;
  comuniWithData: number;
  comuniTotal: number;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  url: string | null;
  synthetic: boolean;
}

export interface IndicatorValues {
  indicator: Indicator;
  level: Level;
  parent: string | null;
  year: number;
  snapshot: SnapshotInfo;
  rows: ValueRow[];
  /** The parent territory's own value (e.g. the Provincia), drawn as the reference line. */
  benchmark: ValueRow | null;
  sources: Source[];
  /** True if any value shown is synthetic demo data. */
  synthetic: boolean;
}

export interface ComuneProperties {
  code: string;
  name: string;
}

/** A TopoJSON Topology whose single object `comuni` carries {code, name} on every geometry. */
export interface Boundaries {
  type: 'Topology';
  objects: { comuni: { type: 'GeometryCollection'; geometries: Array<Record<string, unknown> & { properties: ComuneProperties }> } };
  arcs: unknown[];
  transform?: unknown;
  bbox?: number[];
  source: Source;
}

export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message: string;
  downloadUrl?: string;
}
