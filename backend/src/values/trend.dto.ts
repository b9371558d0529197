/** The trend endpoint's answer: one territory's series, every year, and the trend test of its last five points. */
import { ApiProperty } from '@nestjs/swagger';
import type { TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { valueColumns, ValueRowDto } from '../engine/value.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';

export class TrendTestDto {
  @ApiProperty({ description: 'How many of the last five points were used' })
  points: number;

  @ApiProperty({ enum: ['increasing', 'decreasing', 'no_change', 'not_enough_points'] })
  direction: string;

  @ApiProperty()
  significant: boolean;

  @ApiProperty({ type: Number, nullable: true })
  pValue: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'On the value scale' })
  slopePerYear: number | null;

  @ApiProperty({ enum: ['improving', 'worsening', 'no_change', 'increasing', 'decreasing', 'not_assessed'], description: 'Read through the polarity' })
  assessment: string;

  @ApiProperty({ example: 'chi-squared test for linear trend (last 5 points)' })
  method: string;
}

export class TrendResponseDto {
  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ example: '018110' })
  territory: string;

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [ValueRowDto], description: 'One row per year, ascending' })
  rows: ValueRowDto[];

  @ApiProperty({ type: [ValueRowDto], description: 'The benchmark, every year (empty without one)' })
  benchmarks: ValueRowDto[];

  @ApiProperty({ type: TrendTestDto, description: 'On the last five points that have a value and are not suppressed' })
  trend: TrendTestDto;

  @ApiProperty({ type: [SourceDto] })
  sources: SourceDto[];

  @ApiProperty()
  synthetic: boolean;
}

export const trendTable: TableSpec<TrendResponseDto, ValueRowDto> = {
  rows: (dto) => dto.rows,
  fileName: (dto) => ['trend', dto.indicator.code, dto.territory],
  sourceIds: (dto) => dto.sources.map((s) => s.id),
  columns: (dto) => valueColumns(() => dto.indicator.unit.it),
};
