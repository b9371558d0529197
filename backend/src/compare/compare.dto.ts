/** Several territories side by side, indicator by indicator. */
import { ApiProperty } from '@nestjs/swagger';
import type { TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { valueColumns, ValueRowDto } from '../engine/value.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';

export class CompareEntryDto {
  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ type: Number, nullable: true })
  year: number | null;

  @ApiProperty({ type: [ValueRowDto], description: 'One per territory, in the order asked; empty when the indicator has no values that year' })
  values: ValueRowDto[];

  @ApiProperty({ type: [ValueRowDto], description: 'The benchmark rows the values were compared with' })
  benchmarks: ValueRowDto[];
}

export class CompareResponseDto {
  @ApiProperty({ type: [String], example: ['018110', '019036'] })
  territories: string[];

  @ApiProperty({ type: Number, nullable: true, description: 'The year asked for; null: each indicator in its latest year' })
  year: number | null;

  @ApiProperty({ type: String, nullable: true })
  benchmark: string | null;

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [CompareEntryDto] })
  rows: CompareEntryDto[];

  @ApiProperty({ type: [SourceDto] })
  sources: SourceDto[];

  @ApiProperty()
  synthetic: boolean;
}

export const compareTable: TableSpec<CompareResponseDto, ValueRowDto> = {
  rows: (dto) => dto.rows.flatMap((r) => r.values),
  fileName: (dto) => ['compare', dto.territories.join('_'), dto.year],
  sourceIds: (dto) => dto.sources.map((s) => s.id),
  columns: (dto) => {
    const units = new Map(dto.rows.map((r) => [r.indicator.code, r.indicator.unit.it]));
    return valueColumns((code) => units.get(code));
  },
};
