/** Shortfalls against a supply indicator's target, in units (e.g. nursery places missing to reach 33 per 100 children). */
import { ApiProperty } from '@nestjs/swagger';
import { column, type TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { valueColumns, ValueRowDto } from '../engine/value.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';

export class GapRowDto extends ValueRowDto {
  @ApiProperty({ type: Number, nullable: true, description: 'max(0, target × denominator ÷ multiplier − numerator), in the numerator\'s units; null without a value or when suppressed' })
  shortfall: number | null;
}

export class GapsResponseDto {
  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ example: 33 })
  target: number;

  @ApiProperty({ enum: ['comune', 'ambito'] })
  level: string;

  @ApiProperty({ type: String, nullable: true })
  parent: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'For an unavailable indicator the year asked, or null' })
  year: number | null;

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [GapRowDto] })
  rows: GapRowDto[];

  @ApiProperty({ description: 'Σ shortfall over the rows that have one' })
  totalShortfall: number;

  @ApiProperty({ description: 'Rows without a shortfall figure (no data, or suppressed), left out of the total' })
  rowsWithoutShortfall: number;

  @ApiProperty({ type: [SourceDto] })
  sources: SourceDto[];

  @ApiProperty()
  synthetic: boolean;
}

export const gapsTable: TableSpec<GapsResponseDto, GapRowDto> = {
  rows: (dto) => dto.rows,
  fileName: (dto) => ['gaps', dto.indicator.code, dto.level, dto.parent, dto.year],
  sourceIds: (dto) => dto.sources.map((s) => s.id),
  columns: (dto) => [...valueColumns<GapRowDto>(() => dto.indicator.unit.it), column<GapRowDto>('target', 'float64', () => dto.target), column<GapRowDto>('shortfall', 'float64', (r) => r.shortfall)],
};
