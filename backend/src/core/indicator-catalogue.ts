import { indicatorSchema, type Indicator } from '@osservatorio/etl/contract';
import { UnusableSnapshotError } from './snapshot-meta.js';

/** A row of sql/indicator-catalogue.sql. */
export interface CatalogueRow {
  code: string;
  position: number;
  /** JSON: one entry of datasets/indicators.yaml, as the ETL validated it. */
  definition: string;
  years: number[];
}

export interface CataloguedIndicator {
  readonly definition: Indicator;
  /** Years with values, ascending. */
  readonly years: readonly number[];
}

/** One snapshot's indicator catalogue, checked against the ETL's schema once, when the snapshot is opened. */
export class IndicatorCatalogue {
  private readonly byCode: ReadonlyMap<string, CataloguedIndicator>;

  constructor(readonly indicators: readonly CataloguedIndicator[]) {
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
export function parseIndicatorCatalogue(rows: readonly CatalogueRow[]): IndicatorCatalogue {
  const problems: string[] = [];
  const indicators: CataloguedIndicator[] = [];
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
    indicators.push({ definition: parsed.data, years: row.years });
  }
  if (problems.length > 0) throw new UnusableSnapshotError(`the indicator catalogue does not match this API's schema: ${problems.join('; ')}`);
  return new IndicatorCatalogue(indicators);
}

function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const text = path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`)).join('');
  return `${text}: `;
}
