/**
 * DuckDB's chunks of sums.sql turned into the export's columns: read as typed arrays and dictionary indices
 * (core/duckdb-columns.ts), then value, interval, flags and suppression computed row by row over those
 * arrays, with each indicator's definition and each (indicator, year)'s suppression pattern looked up once
 * per run of rows rather than per row.
 */
import type { ColumnChunk } from '../core/snapshot-pool.js';
import { booleanColumn, float64Column, int32Column, StringDictionary } from '../core/duckdb-columns.js';
import type { HiddenParts } from '../engine/disclosure.js';
import { isSmallNumber, type EngineIndicator } from '../engine/engine-indicator.js';
import { confidenceInterval } from '../engine/statistics.js';
import { aggregateValue } from '../values/value-math.js';
import type { ExportChunk, ExportDictionaries } from './export-encoders.js';

/** The hidden parts of a territory in one (indicator, year)'s pattern. */
export type HiddenOf = (indicator: string, year: number) => (code: string) => HiddenParts;

const nullable = (x: number) => (Number.isNaN(x) ? null : x);

export class ExportChunkReader {
  private readonly indicators = new StringDictionary();
  private readonly codes = new StringDictionary();
  private readonly levels = new StringDictionary();
  private readonly units: (string | null)[] = [];
  private readonly names: string[] = [];
  private readonly definitions: EngineIndicator[] = [];
  readonly dictionaries: ExportDictionaries = { indicator: this.indicators.values, unit: this.units, code: this.codes.values, name: this.names, level: this.levels.values };

  constructor(
    private readonly byCode: ReadonlyMap<string, EngineIndicator>,
    private readonly hiddenOf: HiddenOf,
  ) {}

  read(chunk: ColumnChunk): ExportChunk {
    const n = chunk.length;
    const col = chunk.columns;
    const indicator = this.indicators.encode(col.indicator_code!);
    for (let k = this.definitions.length; k < this.indicators.values.length; k += 1) {
      const definition = this.byCode.get(this.indicators.values[k]!)!;
      this.definitions.push(definition);
      this.units.push(definition.unit.it ?? null);
    }
    const code = this.codes.encode(col.code!);
    // An index is new at its first row: the name is read there, once per territory.
    for (let i = 0; i < n && this.names.length < this.codes.values.length; i += 1) if (code[i] === this.names.length) this.names.push(col.name!.getItem(i) as string);
    const level = this.levels.encode(col.level!);
    const year = int32Column(col.year!);
    const rawNumerator = float64Column(col.numerator!);
    const rawDenominator = float64Column(col.denominator!);
    const withData = int32Column(col.comuni_with_data!);
    const total = int32Column(col.comuni_total!);
    const synthetic = booleanColumn(col.synthetic!);
    const numerator = new Float64Array(n);
    const denominator = new Float64Array(n);
    const value = new Float64Array(n);
    const lower = new Float64Array(n);
    const upper = new Float64Array(n);
    const smallNumber = new Uint8Array(n);
    const suppressed = new Uint8Array(n);
    let runIndicator = -1;
    let runYear = -1;
    let hidden: (code: string) => HiddenParts = () => ({ numerator: false, denominator: false });
    for (let i = 0; i < n; i += 1) {
      const definition = this.definitions[indicator[i]!]!;
      if (indicator[i] !== runIndicator || year[i] !== runYear) {
        [runIndicator, runYear] = [indicator[i]!, year[i]!];
        hidden = this.hiddenOf(definition.code, runYear);
      }
      const num = nullable(rawNumerator[i]!);
      const den = nullable(rawDenominator[i]!);
      const parts = hidden(this.codes.values[code[i]!]!);
      const isHidden = parts.numerator || parts.denominator;
      const v = aggregateValue({ numerator: num, denominator: den, comuniWithData: withData[i]!, comuniTotal: total[i]! }, definition);
      numerator[i] = parts.numerator ? Number.NaN : rawNumerator[i]!;
      denominator[i] = parts.denominator ? Number.NaN : rawDenominator[i]!;
      value[i] = isHidden || v === null ? Number.NaN : v;
      const ci = isHidden || v === null || num === null ? null : confidenceInterval({ method: definition.ciMethod, numerator: num, denominator: den, multiplier: definition.multiplier, level: 0.95 }).interval;
      lower[i] = ci?.lower ?? Number.NaN;
      upper[i] = ci?.upper ?? Number.NaN;
      smallNumber[i] = isSmallNumber(definition, den, withData[i]!) ? 1 : 0;
      suppressed[i] = isHidden ? 1 : 0;
    }
    return { length: n, dictionaries: this.dictionaries, indicator, year, code, level, numerator, denominator, value, ci95Lower: lower, ci95Upper: upper, smallNumber, suppressed, synthetic, comuniWithData: withData, comuniTotal: total };
  }
}
