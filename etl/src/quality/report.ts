/**
 * The quality report of a snapshot, as `npm run etl -- check` prints it and a load summarises it: every
 * issue counted by severity and rule, the first few of each rule in full. DuckDB counts and picks them,
 * so a load with tens of thousands of warnings reads only the lines it prints.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface QualityIssueLine {
  readonly severity: 'error' | 'warning' | 'info';
  readonly rule: string;
  readonly message: string;
}

export interface QualitySummary {
  /** Issues per severity and rule, in report order. */
  readonly counts: readonly { readonly severity: QualityIssueLine['severity']; readonly rule: string; readonly issues: number }[];
  /** The first issues of each rule, in report order (all of them when read with perRule Infinity). */
  readonly first: readonly QualityIssueLine[];
}

const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;
const SEVERITY_RANK = `CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

/** The counts and the first `perRule` issues of each rule (Infinity: every issue) of the snapshot on `connection`. */
export async function readQualitySummary(connection: DuckDBConnection, perRule: number): Promise<QualitySummary> {
  const counts = (await connection.runAndReadAll(
    `SELECT severity, rule, CAST(count(*) AS INTEGER) AS issues FROM quality_issue GROUP BY severity, rule ORDER BY ${SEVERITY_RANK}, rule`,
  )).getRowObjectsJS() as unknown as QualitySummary['counts'];
  const first = (await connection.runAndReadAll(
    `SELECT severity, rule, message FROM (
       SELECT *, row_number() OVER (PARTITION BY severity, rule ORDER BY territory_code, year, message) AS place FROM quality_issue
     )
     WHERE $per_rule IS NULL OR place <= $per_rule
     ORDER BY ${SEVERITY_RANK}, rule, place`,
    { per_rule: Number.isFinite(perRule) ? perRule : null },
  )).getRowObjectsJS() as unknown as QualityIssueLine[];
  return { counts, first };
}

/** How many issues of `severity` the summary counts. */
export function issuesOf(summary: QualitySummary, severity: QualityIssueLine['severity']): number {
  return summary.counts.filter((c) => c.severity === severity).reduce((sum, c) => sum + c.issues, 0);
}

/** The summary of a published snapshot file, opened read-only. */
export async function readQualityReport(snapshotFile: string, perRule: number): Promise<QualitySummary> {
  const instance = await DuckDBInstance.create(snapshotFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return await readQualitySummary(connection, perRule);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Lines of text: per severity a count by rule, then up to `perRule` messages of each rule. */
export function formatQualityReport(summary: QualitySummary, perRule: number, severities: readonly QualityIssueLine['severity'][] = SEVERITY_ORDER): string[] {
  const counts = summary.counts.filter((c) => severities.includes(c.severity));
  if (counts.length === 0) return ['no quality issues'];
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = counts.filter((c) => c.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(`${severity}: ${issuesOf(summary, severity)} (${ofSeverity.map((c) => `${c.rule} ${c.issues}`).join(', ')})`);
    for (const { rule, issues } of ofSeverity) {
      const shown = summary.first.filter((i) => i.severity === severity && i.rule === rule).slice(0, perRule);
      for (const issue of shown) lines.push(`  ${issue.message} [${rule}]`);
      if (issues > shown.length) lines.push(`  … and ${issues - shown.length} more [${rule}]`);
    }
  }
  return lines;
}
