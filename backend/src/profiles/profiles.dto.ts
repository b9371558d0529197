/** A territory's profile: every indicator against its benchmark, with the spread of its peers for a spine chart. */
import { ApiProperty } from '@nestjs/swagger';
import { column, type TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { valueColumns, ValueRowDto } from '../engine/value.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';

export class SpreadDto {
  @ApiProperty() min: number;
  @ApiProperty() q1: number;
  @ApiProperty() median: number;
  @ApiProperty() q3: number;
  @ApiProperty() max: number;
  @ApiProperty({ description: 'Peers with a value' }) n: number;
}

export class ProfileEntryDto {
  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ type: Number, nullable: true, description: 'The year shown; null when the indicator has no values that year' })
  year: number | null;

  @ApiProperty({ type: ValueRowDto, nullable: true })
  value: ValueRowDto | null;

  @ApiProperty({ type: ValueRowDto, nullable: true })
  benchmark: ValueRowDto | null;

  @ApiProperty({ type: SpreadDto, nullable: true, description: 'Territories of the same level inside the benchmark, the territory included' })
  peers: SpreadDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why there is no value, when there is none' })
  unavailable: string | null;
}

export class ProfileResponseDto {
  @ApiProperty({ example: '018110' })
  territory: string;

  @ApiProperty({ example: 'Pavia' })
  name: string;

  @ApiProperty({ example: 'comune' })
  level: string;

  @ApiProperty({ type: String, nullable: true, example: '018' })
  benchmark: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The year asked for; null: each indicator in its latest year' })
  year: number | null;

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: [ProfileEntryDto], description: 'Every indicator of the catalogue, in its order' })
  rows: ProfileEntryDto[];

  @ApiProperty({ type: [SourceDto] })
  sources: SourceDto[];

  @ApiProperty()
  synthetic: boolean;
}

type FlatRow = ValueRowDto & { benchmarkValue: number | null; peers: SpreadDto | null; unitIt: string };

export const profileTable: TableSpec<ProfileResponseDto, FlatRow> = {
  rows: (dto) =>
    dto.rows.filter((r) => r.value !== null).map((r) => ({ ...r.value!, benchmarkValue: r.benchmark?.value ?? null, peers: r.peers, unitIt: r.indicator.unit.it })),
  fileName: (dto) => ['profile', dto.territory, dto.benchmark, dto.year],
  sourceIds: (dto) => dto.sources.map((s) => s.id),
  columns: [
    ...valueColumns<FlatRow>(() => undefined).map((c) => (c.name === 'unit' ? column<FlatRow>('unit', 'utf8', (r) => r.unitIt) : c)),
    column<FlatRow>('benchmarkValue', 'float64', (r) => r.benchmarkValue),
    column<FlatRow>('peersMin', 'float64', (r) => r.peers?.min),
    column<FlatRow>('peersQ1', 'float64', (r) => r.peers?.q1),
    column<FlatRow>('peersMedian', 'float64', (r) => r.peers?.median),
    column<FlatRow>('peersQ3', 'float64', (r) => r.peers?.q3),
    column<FlatRow>('peersMax', 'float64', (r) => r.peers?.max),
  ],
};
