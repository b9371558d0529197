/** One territory × indicator × year as every analytics endpoint publishes it, and its columns for CSV and Arrow. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { column, type Column } from '../core/http/table.js';
import type { EngineIndicator } from './engine-indicator.js';
import type { IndicatorValue } from './indicator-value.js';
import type { Comparison } from './statistics.js';

export const COMPARISONS: readonly Comparison[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'];

export class BoundsDto {
  @ApiProperty()
  lower: number;

  @ApiProperty()
  upper: number;
}

export class ValueRowDto {
  @ApiProperty({ example: '018110' })
  code: string;

  @ApiProperty({ example: 'Pavia' })
  name: string;

  @ApiProperty({ example: 'comune', description: "A territory level, or 'group' for a user-defined group of comuni" })
  level: string;

  @ApiProperty({ example: 'DEM_U12' })
  indicator: string;

  @ApiProperty({ example: 2021 })
  year: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ over the comuni with data; null when suppressed' })
  numerator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ over the comuni with data; null for a plain count' })
  denominator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Σnumerator ÷ Σdenominator × multiplier; null without data, when suppressed, or for a plain count with comuni missing' })
  value: number | null;

  @ApiProperty({ type: BoundsDto, nullable: true, description: '95% confidence interval, on the value scale' })
  ci95: BoundsDto | null;

  @ApiProperty({ type: BoundsDto, nullable: true, description: '99.8% confidence interval' })
  ci998: BoundsDto | null;

  @ApiProperty({ enum: COMPARISONS, description: 'Against the benchmark, by whether it lies inside the 95% interval, read through the polarity' })
  comparison: Comparison;

  @ApiProperty({ description: "The denominator is under the indicator's minimum: read the value with care" })
  smallNumber: boolean;

  @ApiProperty({ description: 'Hidden by statistical disclosure control: numerator, value and intervals are blank' })
  suppressed: boolean;

  @ApiProperty({ description: 'Computed from generated (demo) data' })
  synthetic: boolean;

  @ApiProperty({ description: 'Member comuni with data in that year' })
  comuniWithData: number;

  @ApiProperty({ description: 'Member comuni' })
  comuniTotal: number;

  @ApiProperty({ type: String, nullable: true, description: 'The territory this row was compared with' })
  benchmarkCode: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Quintile 1-5 among the rows (classify=quintiles)' })
  quintile?: number | null;
}

export function toValueRowDto(v: IndicatorValue, comparison: Comparison, benchmarkCode: string | null): ValueRowDto {
  return {
    code: v.code,
    name: v.name,
    level: v.level,
    indicator: v.indicator,
    year: v.year,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    ci95: v.ci95,
    ci998: v.ci998,
    comparison,
    smallNumber: v.smallNumber,
    suppressed: v.suppressed,
    synthetic: v.synthetic,
    comuniWithData: v.comuniWithData,
    comuniTotal: v.comuniTotal,
    benchmarkCode,
  };
}

/** Columns of a value row in CSV and Arrow: which indicator, year and unit first, then the numbers. */
export function valueColumns<Row extends ValueRowDto>(unitOf: (indicator: string) => string | undefined, withQuintile = false): Column<Row>[] {
  return [
    column<Row>('indicator', 'utf8', (r) => r.indicator),
    column<Row>('year', 'int32', (r) => r.year),
    column<Row>('unit', 'utf8', (r) => unitOf(r.indicator)),
    column<Row>('code', 'utf8', (r) => r.code),
    column<Row>('name', 'utf8', (r) => r.name),
    column<Row>('level', 'utf8', (r) => r.level),
    column<Row>('numerator', 'float64', (r) => r.numerator),
    column<Row>('denominator', 'float64', (r) => r.denominator),
    column<Row>('value', 'float64', (r) => r.value),
    column<Row>('ci95_lower', 'float64', (r) => r.ci95?.lower),
    column<Row>('ci95_upper', 'float64', (r) => r.ci95?.upper),
    column<Row>('ci998_lower', 'float64', (r) => r.ci998?.lower),
    column<Row>('ci998_upper', 'float64', (r) => r.ci998?.upper),
    column<Row>('comparison', 'utf8', (r) => r.comparison),
    column<Row>('benchmark', 'utf8', (r) => r.benchmarkCode),
    column<Row>('smallNumber', 'bool', (r) => r.smallNumber),
    column<Row>('suppressed', 'bool', (r) => r.suppressed),
    column<Row>('synthetic', 'bool', (r) => r.synthetic),
    column<Row>('comuniWithData', 'int32', (r) => r.comuniWithData),
    column<Row>('comuniTotal', 'int32', (r) => r.comuniTotal),
    ...(withQuintile ? [column<Row>('quintile', 'int32', (r) => r.quintile)] : []),
  ];
}

/** The indicator's unit in Italian, for the unit column. */
export function unitLookup(indicators: ReadonlyMap<string, EngineIndicator>): (code: string) => string | undefined {
  return (code) => indicators.get(code)?.unit.it;
}
