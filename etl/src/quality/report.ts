/**
 * The quality report of a snapshot, as `npm run etl -- check` prints it and a load summarises it: every
 * issue grouped by severity and rule, the first few of each rule in full.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface QualityIssueLine {
  readonly severity: 'error' | 'warning' | 'info';
  readonly rule: string;
  readonly message: string;
}

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;

/** Lines of text: per severity and rule a count, then up to `perRule` messages (all with Infinity). */
export function formatQualityReport(issues: readonly QualityIssueLine[], perRule: number): string[] {
  if (issues.length === 0) return ['no quality issues'];
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = issues.filter((i) => i.severity === severity);
    if (ofSeverity.length === 0) continue;
    const rules = [...new Set(ofSeverity.map((i) => i.rule))];
    lines.push(`${severity}: ${ofSeverity.length} (${rules.map((r) => `${r} ${ofSeverity.filter((i) => i.rule === r).length}`).join(', ')})`);
    for (const rule of rules) {
      const ofRule = ofSeverity.filter((i) => i.rule === rule);
      for (const issue of ofRule.slice(0, perRule)) lines.push(`  ${issue.message} [${rule}]`);
      if (ofRule.length > perRule) lines.push(`  … and ${ofRule.length - perRule} more [${rule}]`);
    }
  }
  return lines;
}

/** Every issue recorded in a published snapshot file, opened read-only. */
export async function readQualityIssues(snapshotFile: string): Promise<QualityIssueLine[]> {
  const instance = await DuckDBInstance.create(snapshotFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT severity, rule, message FROM quality_issue ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, rule, territory_code, year`,
    );
    return reader.getRowObjectsJS() as unknown as QualityIssueLine[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
