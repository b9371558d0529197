/** The quality endpoint's answer: the snapshot's quality issues, filtered and paged, with counts. */
import { ApiProperty } from '@nestjs/swagger';
import { column, type TableSpec } from '../core/http/table.js';
import { LocalizedTextDto } from '../core/localized-text.dto.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { QUALITY_RULES, SEVERITIES, type Severity } from './quality-rules.js';

export class QualityIssueDto {
  @ApiProperty({ enum: SEVERITIES, description: 'error: stops a publish (never in a published snapshot); warning; info' })
  severity: Severity;

  @ApiProperty({ example: 'series-break', description: `The check that flagged it; one of ${QUALITY_RULES.join(', ')}` })
  rule: string;

  @ApiProperty({ type: String, nullable: true, example: 'pop_pavia_2018_2021' })
  sourceId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Title of the source' })
  sourceTitle: string | null;

  @ApiProperty({ type: String, nullable: true, example: '018110', description: 'A comune, or a provincia for a check on a whole file' })
  territoryCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Pavia' })
  territoryName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'comune' })
  territoryLevel: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 2022 })
  year: number | null;

  @ApiProperty({ description: 'What is wrong and, where known, why, in English: the English of localizedMessage, kept for the clients written before it' })
  message: string;

  @ApiProperty({ type: LocalizedTextDto, description: 'What is wrong and, where known, why, in Italian (it-IT numbers) and English' })
  localizedMessage: LocalizedTextDto;
}

export class SeverityCountDto {
  @ApiProperty({ enum: SEVERITIES })
  severity: Severity;

  @ApiProperty({ description: 'Issues of this severity, with the rule and territory filters applied' })
  issues: number;
}

export class RuleCountDto {
  @ApiProperty({ example: 'series-break' })
  rule: string;

  @ApiProperty({ enum: SEVERITIES })
  severity: Severity;

  @ApiProperty({ description: 'Issues of this rule, with the severity and territory filters applied' })
  issues: number;
}

export class QualityResponseDto {
  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ enum: SEVERITIES, nullable: true, description: 'null: every severity' })
  severity: Severity | null;

  @ApiProperty({ type: String, nullable: true, description: 'null: every rule' })
  rule: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'null: everywhere' })
  territory: string | null;

  @ApiProperty({ description: 'Rows asked for (at most 1000)', example: 100 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;

  @ApiProperty({ description: 'Issues matching every filter, on every page' })
  matching: number;

  @ApiProperty({ type: [SeverityCountDto], description: 'error, warning, info, zeros included' })
  bySeverity: SeverityCountDto[];

  @ApiProperty({ type: [RuleCountDto], description: 'Every rule with issues, most severe first' })
  byRule: RuleCountDto[];

  @ApiProperty({ type: [QualityIssueDto], description: 'error → warning → info, then by rule, territory, year' })
  rows: QualityIssueDto[];
}

export const qualityTable: TableSpec<QualityResponseDto, QualityIssueDto> = {
  rows: (dto) => dto.rows,
  fileName: (dto) => ['quality', dto.severity, dto.rule, dto.territory],
  sourceIds: (dto) => [...new Set(dto.rows.flatMap((r) => (r.sourceId === null ? [] : [r.sourceId])))].sort(),
  columns: [
    column('severity', 'utf8', (r) => r.severity),
    column('rule', 'utf8', (r) => r.rule),
    column('sourceId', 'utf8', (r) => r.sourceId),
    column('sourceTitle', 'utf8', (r) => r.sourceTitle),
    column('territoryCode', 'utf8', (r) => r.territoryCode),
    column('territoryName', 'utf8', (r) => r.territoryName),
    column('territoryLevel', 'utf8', (r) => r.territoryLevel),
    column('year', 'int32', (r) => r.year),
    column('message', 'utf8', (r) => r.message),
    column('messageIt', 'utf8', (r) => r.localizedMessage.it),
  ],
};
