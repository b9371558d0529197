/** The indicator catalogue as the API publishes it (from datasets/indicators.yaml, via the snapshot). */
import { ApiProperty } from '@nestjs/swagger';
import { CI_METHODS, POLARITIES, type CiMethod, type Polarity } from '@osservatorio/etl/contract';
import { column, type Column, type TableSpec } from '../core/http/table.js';
import { LocalizedTextDto } from '../core/localized-text.dto.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';

export class IndicatorDto {
  @ApiProperty({ example: 'DEM_POP' })
  code: string;

  @ApiProperty({ type: LocalizedTextDto })
  name: LocalizedTextDto;

  @ApiProperty({ example: 'anziani', description: 'Code of the area of intervention (one Tavolo each), from the controlled list of the catalogue' })
  area: string;

  @ApiProperty({ type: LocalizedTextDto, description: 'Name of the area of intervention' })
  areaName: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto })
  unit: LocalizedTextDto;

  @ApiProperty({ description: 'value = Σnumerator ÷ Σdenominator × multiplier', example: 100 })
  multiplier: number;

  @ApiProperty({ description: 'Decimals to show' })
  decimals: number;

  @ApiProperty({ enum: POLARITIES })
  polarity: Polarity;

  @ApiProperty({ type: LocalizedTextDto, description: 'The definition: what is counted over what' })
  description: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto, description: 'Where the inputs come from' })
  sourceNotes: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto, description: 'What to know before drawing conclusions' })
  caveats: LocalizedTextDto;

  @ApiProperty({ enum: CI_METHODS, description: 'How confidence intervals are computed (proportion: Wilson score)' })
  ciMethod: CiMethod;

  @ApiProperty({ type: Number, nullable: true, description: 'Below this denominator a value rests on small numbers and is flagged; null for a plain count' })
  minDenominator: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'A norm to compare with, e.g. 33 nursery places per 100 children' })
  target: number | null;

  @ApiProperty({ description: 'A plain count (no denominator): an aggregate is null unless every comune has data' })
  plainCount: boolean;

  @ApiProperty({ type: [Number], description: 'Years with values, ascending', example: [2023, 2024] })
  years: number[];

  @ApiProperty({ description: 'False when this snapshot has no values for the indicator: never read that as zero' })
  available: boolean;

  @ApiProperty({ type: LocalizedTextDto, nullable: true, description: 'Why the indicator is unavailable (which input no loaded source gives); null when available' })
  unavailableReason: LocalizedTextDto | null;
}

export class IndicatorsResponseDto {
  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [IndicatorDto] })
  rows: IndicatorDto[];
}

const indicatorColumns: Column<IndicatorDto>[] = [
  column('code', 'utf8', (r) => r.code),
  column('name_it', 'utf8', (r) => r.name.it),
  column('name_en', 'utf8', (r) => r.name.en),
  column('area', 'utf8', (r) => r.area),
  column('area_it', 'utf8', (r) => r.areaName.it),
  column('area_en', 'utf8', (r) => r.areaName.en),
  column('unit_it', 'utf8', (r) => r.unit.it),
  column('unit_en', 'utf8', (r) => r.unit.en),
  column('multiplier', 'float64', (r) => r.multiplier),
  column('decimals', 'int32', (r) => r.decimals),
  column('polarity', 'utf8', (r) => r.polarity),
  column('target', 'float64', (r) => r.target),
  column('plainCount', 'bool', (r) => r.plainCount),
  column('years', 'utf8', (r) => r.years.join(' ')),
  column('description_it', 'utf8', (r) => r.description.it),
  column('description_en', 'utf8', (r) => r.description.en),
  column('caveats_it', 'utf8', (r) => r.caveats.it),
  column('caveats_en', 'utf8', (r) => r.caveats.en),
  column('source_notes_it', 'utf8', (r) => r.sourceNotes.it),
  column('source_notes_en', 'utf8', (r) => r.sourceNotes.en),
  column('ci_method', 'utf8', (r) => r.ciMethod),
  column('min_denominator', 'float64', (r) => r.minDenominator),
  column('available', 'bool', (r) => r.available),
  column('unavailable_reason_it', 'utf8', (r) => r.unavailableReason?.it),
  column('unavailable_reason_en', 'utf8', (r) => r.unavailableReason?.en),
];

export const indicatorsTable: TableSpec<IndicatorsResponseDto, IndicatorDto> = {
  rows: (dto) => dto.rows,
  fileName: () => ['indicators'],
  columns: indicatorColumns,
};

export const indicatorTable: TableSpec<IndicatorDto, IndicatorDto> = {
  rows: (dto) => [dto],
  fileName: (dto) => ['indicator', dto.code],
  columns: indicatorColumns,
};
