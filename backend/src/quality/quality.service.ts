import { Injectable } from '@nestjs/common';
import { BadParameterError } from '../core/errors.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { TerritoriesService } from '../territories/territories.service.js';
import type { QualityIssueDto, QualityResponseDto, RuleCountDto } from './quality.dto.js';
import { QualityRepository, type IssueRow, type TotalRow } from './quality.repository.js';
import type { QualityQuery } from './quality.params.js';
import { QUALITY_RULES, SEVERITIES } from './quality-rules.js';

@Injectable()
export class QualityService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly territories: TerritoriesService,
    private readonly quality: QualityRepository,
  ) {}

  async list(query: QualityQuery): Promise<QualityResponseDto> {
    const { severity, rule: askedRule, territory, limit, offset } = query;
    return this.snapshots.use(async (snapshot) => {
      const rule = askedRule === null ? null : checkRule(askedRule, await this.quality.rules(snapshot));
      if (territory !== null) await this.territories.require(snapshot, territory);
      const filter = { severity, rule, territory };
      const [rows, totals] = await Promise.all([this.quality.issues(snapshot, filter, { limit, offset }), this.quality.totals(snapshot, filter)]);
      return {
        snapshot: snapshot.info,
        severity,
        rule,
        territory,
        limit,
        offset,
        matching: totals.find((t) => t.facet === 'matching')?.issues ?? 0,
        bySeverity: SEVERITIES.map((s) => ({ severity: s, issues: totals.find((t) => t.facet === 'severity' && t.severity === s)?.issues ?? 0 })),
        byRule: ruleCounts(totals),
        rows: rows.map(toIssueDto),
      };
    });
  }
}

function checkRule(rule: string, inSnapshot: readonly string[]): string {
  const allowed = [...new Set([...QUALITY_RULES, ...inSnapshot])];
  if (!allowed.includes(rule)) {
    throw new BadParameterError('rule', { it: `"${rule}" non è una regola di qualità; usare una tra ${allowed.join(', ')}`, en: `"${rule}" is not a quality rule; use one of ${allowed.join(', ')}` }, allowed);
  }
  return rule;
}

function ruleCounts(totals: readonly TotalRow[]): RuleCountDto[] {
  return totals
    .filter((t) => t.facet === 'rule')
    .map((t) => ({ rule: t.rule!, severity: t.severity!, issues: t.issues }))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.rule.localeCompare(b.rule));
}

function toIssueDto(row: IssueRow): QualityIssueDto {
  return {
    severity: row.severity,
    rule: row.rule,
    sourceId: row.source_id,
    sourceTitle: row.source_title,
    territoryCode: row.territory_code,
    territoryName: row.territory_name,
    territoryLevel: row.territory_level,
    year: row.year,
    message: row.message,
    localizedMessage: { it: row.message_it, en: row.message },
  };
}
