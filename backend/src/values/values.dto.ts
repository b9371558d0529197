/** The values endpoint's answer: one row per territory and year, the benchmark(s), and where the data come from. */
import { ApiProperty } from '@nestjs/swagger';
import type { TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { valueColumns, ValueRowDto } from '../engine/value.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';
import { TERRITORY_LEVELS, type TerritoryLevel } from '../territories/territory-levels.js';

export { ValueRowDto };

export class ValuesResponseDto {
  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ enum: TERRITORY_LEVELS })
  level: TerritoryLevel;

  @ApiProperty({ type: String, nullable: true })
  parent: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2024, description: 'The latest of the years; for an unavailable indicator the year asked, or null' })
  year: number | null;

  @ApiProperty({ type: [Number], example: [2023, 2024] })
  years: number[];

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [ValueRowDto], description: 'Every territory of the level inside the parent (and the group, if any), by year then name, with or without data; none when the indicator is unavailable (indicator.unavailableReason says why)' })
  rows: ValueRowDto[];

  @ApiProperty({ description: 'Rows before pagination' })
  total: number;

  @ApiProperty({ description: 'At most 10000' })
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ type: ValueRowDto, nullable: true, description: 'The one benchmark of every row in the latest year (the parent by default); null with a benchmark level or without a benchmark' })
  benchmark: ValueRowDto | null;

  @ApiProperty({ type: [ValueRowDto], description: 'Every benchmark row the rows were compared with, every year' })
  benchmarks: ValueRowDto[];

  @ApiProperty({ type: [SourceDto] })
  sources: SourceDto[];

  @ApiProperty({ description: 'Some of the values come from generated (demo) data' })
  synthetic: boolean;
}

export const valuesTable: TableSpec<ValuesResponseDto, ValueRowDto> = {
  rows: (dto) => dto.rows,
  fileName: (dto) => ['values', dto.indicator.code, dto.level, dto.parent, dto.years.length > 1 ? `${dto.years[0]}-${dto.year}` : dto.year],
  sourceIds: (dto) => dto.sources.map((s) => s.id),
  columns: (dto) => valueColumns(() => dto.indicator.unit.it, dto.rows.some((r) => r.quintile !== undefined)),
};
