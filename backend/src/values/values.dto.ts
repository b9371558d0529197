/** The values endpoint's answer: one row per territory, the benchmark, and where the data come from. */
import { ApiProperty } from '@nestjs/swagger';
import { column, type TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';
import { TERRITORY_LEVELS, type TerritoryLevel } from '../territories/territory-levels.js';

export class ValueRowDto {
  @ApiProperty({ example: '018110' })
  code: string;

  @ApiProperty({ example: 'Pavia' })
  name: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ over the comuni with data' })
  numerator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ over the comuni with data; null for a plain count' })
  denominator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Σnumerator ÷ Σdenominator × multiplier; null without data, or for a plain count with comuni missing' })
  value: number | null;

  @ApiProperty({ description: 'Computed from generated (demo) data' })
  synthetic: boolean;

  @ApiProperty({ description: 'Member comuni with data in that year' })
  comuniWithData: number;

  @ApiProperty({ description: 'Member comuni' })
  comuniTotal: number;
}

export class ValuesResponseDto {
  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ enum: TERRITORY_LEVELS })
  level: TerritoryLevel;

  @ApiProperty({ type: String, nullable: true })
  parent: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2024, description: 'The year of the values; for an unavailable indicator the year asked, or null' })
  year: number | null;

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [ValueRowDto], description: 'Every territory of the level inside the parent, by name, with or without data; none when the indicator is unavailable (indicator.unavailableReason says why)' })
  rows: ValueRowDto[];

  @ApiProperty({ type: ValueRowDto, nullable: true, description: 'The parent territory itself; null without a parent' })
  benchmark: ValueRowDto | null;

  @ApiProperty({ type: [SourceDto] })
  sources: SourceDto[];

  @ApiProperty({ description: 'Some of the values come from generated (demo) data' })
  synthetic: boolean;
}

export const valuesTable: TableSpec<ValuesResponseDto, ValueRowDto> = {
  rows: (dto) => dto.rows,
  fileName: (dto) => ['values', dto.indicator.code, dto.level, dto.parent, dto.year],
  sourceIds: (dto) => dto.sources.map((s) => s.id),
  columns: [
    column('code', 'utf8', (r) => r.code),
    column('name', 'utf8', (r) => r.name),
    column('numerator', 'float64', (r) => r.numerator),
    column('denominator', 'float64', (r) => r.denominator),
    column('value', 'float64', (r) => r.value),
    column('synthetic', 'bool', (r) => r.synthetic),
    column('comuniWithData', 'int32', (r) => r.comuniWithData),
    column('comuniTotal', 'int32', (r) => r.comuniTotal),
  ],
};
