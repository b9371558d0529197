/** The provenance endpoint's answer: for one indicator value, the terms it sums, and for each term the sources, files and codes as published. */
import { ApiProperty } from '@nestjs/swagger';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { IndicatorDto } from '../indicators/indicators.dto.js';
import { SourceDto } from '../sources/source.dto.js';
import { TerritoryDto } from '../territories/territories.dto.js';

export class SourceFileDto {
  @ApiProperty({ example: 'population/POSAS_2024_it_Comuni.csv', description: 'Relative to the data folder' })
  file: string;

  @ApiProperty({ type: String, nullable: true, description: 'sha256 of the file as loaded' })
  sha256: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2024, description: 'The reference year the file gives, if one' })
  year: number | null;
}

export class MergedComuneDto {
  @ApiProperty({ example: '018193' })
  code: string;

  @ApiProperty({ example: 'Colli Verdi' })
  name: string;

  @ApiProperty({ type: [String], example: ['018028', '018132', '018170'], description: 'The codes as published whose values were summed into this comune' })
  sourceCodes: string[];
}

export class ContributionDto {
  @ApiProperty({ type: String, nullable: true, example: 'pop_pavia_2018_2021' })
  sourceId: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2018, description: "The year of the values read (the indicator's year minus the term's lag); null for a territory attribute" })
  dataYear: number | null;

  @ApiProperty({ example: '2018-01-01', description: 'The date the values refer to: 1 January of dataYear, or the territory reference date for an attribute' })
  referenceDate: string;

  @ApiProperty({ description: 'Σ over the comuni, before the term’s sign' })
  value: number;

  @ApiProperty({ description: 'Comuni whose value came from this source' })
  comuni: number;

  @ApiProperty({ description: 'Summed from single years of age, not read as published' })
  derived: boolean;

  @ApiProperty({ type: [SourceFileDto] })
  files: SourceFileDto[];

  @ApiProperty({ type: [MergedComuneDto], description: 'Comuni whose value sums codes as published other than their own (mergers)' })
  mergedComuni: MergedComuneDto[];
}

export class ProvenanceTermDto {
  @ApiProperty({ enum: ['numerator', 'denominator'] })
  part: 'numerator' | 'denominator';

  @ApiProperty({ type: String, nullable: true, example: 'pop_res', description: 'null for a territory attribute' })
  variable: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'T' })
  sex: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'TOT' })
  ageBand: string | null;

  @ApiProperty({ example: 0, description: 'Years before the indicator’s year' })
  lag: number;

  @ApiProperty({ example: 1, description: '1 or -1' })
  sign: number;

  @ApiProperty({ type: String, nullable: true, example: 'area_km2', description: 'A territory attribute, instead of a variable' })
  attribute: string | null;

  @ApiProperty({ type: [ContributionDto], description: 'One per source' })
  contributions: ContributionDto[];
}

export class LoadRunDto {
  @ApiProperty()
  runId: string;

  @ApiProperty({ example: '2026-12-01T14:40:48.869Z' })
  startedAt: string;

  @ApiProperty({ type: String, nullable: true })
  finishedAt: string | null;

  @ApiProperty({ example: '0.2.0' })
  etlVersion: string;
}

export class ProvenanceSourceDto extends SourceDto {
  @ApiProperty({ type: [SourceFileDto], description: 'The files of this source the value was read from' })
  files: SourceFileDto[];
}

export class ProvenanceResponseDto {
  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ type: IndicatorDto })
  indicator: IndicatorDto;

  @ApiProperty({ type: TerritoryDto })
  territory: TerritoryDto;

  @ApiProperty({ example: 2018 })
  year: number;

  @ApiProperty({ description: 'Comuni of the territory with the indicator’s parts in that year: only they are summed' })
  comuniWithData: number;

  @ApiProperty()
  comuniTotal: number;

  @ApiProperty({ type: [ProvenanceTermDto], description: 'Numerator terms, then denominator terms' })
  terms: ProvenanceTermDto[];

  @ApiProperty({ type: [ProvenanceSourceDto], description: 'Every source the value was read from, with its files' })
  sources: ProvenanceSourceDto[];

  @ApiProperty({ type: LoadRunDto, description: 'The load that read the files and built the snapshot' })
  loadRun: LoadRunDto;
}
