import { indicatorSchema, type Indicator } from '@osservatorio/etl/contract';
import { UnusableSnapshotError } from './snapshot-meta.js';

/** A row of sql/indicator-catalogue.sql. */
export interface CatalogueRow {
  code: string;
  position: number;
  /** JSON: one entry of datasets/indicators.yaml, as the ETL validated it. */
  definition: string;
  years: number[];
  available: boolean;
  unavailable_reason_it: string | null;
  unavailable_reason_en: string | null;
}

/** A row of sql/areas.sql. */
export interface AreaRow {
  code: string;
  name_it: string;
  name_en: string;
}

export interface LocalizedText {
  readonly it: string;
  readonly en: string;
}

export interface CatalogueArea {
  readonly code: string;
  readonly name: LocalizedText;
}

export interface CataloguedIndicator {
  readonly definition: Indicator;
  readonly area: CatalogueArea;
  /** Years with values, ascending. */
  readonly years: readonly number[];
  /** False when the snapshot has no values for it; the reason says which input is missing. */
  readonly available: boolean;
  readonly unavailableReason: LocalizedText | null;
}

/** One snapshot's indicator catalogue, checked against the ETL's schema once, when the snapshot is opened. */
export class IndicatorCatalogue {
  private readonly byCode: ReadonlyMap<string, CataloguedIndicator>;

  constructor(
    readonly indicators: readonly CataloguedIndicator[],
    readonly areas: readonly CatalogueArea[],
  ) {
    this.byCode = new Map(indicators.map((i) => [i.definition.code, i]));
  }

  find(code: string): CataloguedIndicator | undefined {
    return this.byCode.get(code);
  }

  get codes(): string[] {
    return this.indicators.map((i) => i.definition.code);
  }
}

/** Parses every definition; a catalogue with any bad one is refused with every problem listed. */
export function parseIndicatorCatalogue(rows: readonly CatalogueRow[], areaRows: readonly AreaRow[]): IndicatorCatalogue {
  const problems: string[] = [];
  const indicators: CataloguedIndicator[] = [];
  const areas = new Map(areaRows.map((a): [string, CatalogueArea] => [a.code, { code: a.code, name: { it: a.name_it, en: a.name_en } }]));
  for (const row of rows) {
    const where = `indicator ${row.code} (position ${row.position})`;
    let json: unknown;
    try {
      json = JSON.parse(row.definition);
    } catch (error) {
      problems.push(`${where}: the definition is not JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = indicatorSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issuePath(issue.path)}${issue.message}`);
      continue;
    }
    if (parsed.data.code !== row.code) problems.push(`${where}: the definition's code is ${parsed.data.code}`);
    const area = areas.get(parsed.data.area);
    if (area === undefined) {
      problems.push(`${where}: area ${parsed.data.area} is not in the snapshot's areas (${[...areas.keys()].join(', ') || 'none'})`);
      continue;
    }
    const unavailableReason = row.available ? null : { it: row.unavailable_reason_it ?? '', en: row.unavailable_reason_en ?? '' };
    if (unavailableReason !== null && (unavailableReason.it === '' || unavailableReason.en === '')) problems.push(`${where}: unavailable without a reason in Italian and English`);
    indicators.push({ definition: parsed.data, area, years: row.years, available: row.available, unavailableReason });
  }
  if (problems.length > 0) throw new UnusableSnapshotError(`the indicator catalogue does not match this API's schema: ${problems.join('; ')}`);
  return new IndicatorCatalogue(indicators, [...areas.values()]);
}

function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const text = path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`)).join('');
  return `${text}: `;
}
