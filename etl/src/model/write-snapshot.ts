import { DuckDBInstance } from '@duckdb/node-api';
import { appendRows } from '../db/rows.js';
import { readSqlBeside } from '../db/sql-file.js';
import type { Indicator } from '../catalog/indicators.js';
import type { AmbitoMembership } from './ambiti.js';
import type { HarmonisedObservation } from './harmonise.js';
import type { ComuneValidityInput, SourceMeta } from './input.js';
import type { TerritoryRow } from './territory.js';
import type { CrosswalkEntry } from './crosswalk.js';

export interface SnapshotContent {
  readonly meta: Readonly<Record<string, string>>;
  readonly run: { readonly runId: string; readonly startedAt: Date; readonly etlVersion: string; readonly dataDir: string | null };
  readonly sources: readonly SourceMeta[];
  readonly territory: readonly TerritoryRow[];
  readonly history: readonly ComuneValidityInput[];
  readonly crosswalk: Iterable<CrosswalkEntry>;
  readonly memberships: readonly AmbitoMembership[];
  readonly observations: readonly HarmonisedObservation[];
  readonly indicators: readonly Indicator[];
  readonly boundaries: readonly { provinciaCode: string; topojson: string; sourceId: string }[];
}

export interface QualityIssue {
  readonly severity: 'warning' | 'info';
  readonly rule: string;
  readonly message: string;
}

export interface WrittenSnapshot {
  readonly counts: Readonly<Record<string, number>>;
  readonly issues: readonly QualityIssue[];
}

const schemaSql = readSqlBeside(import.meta.url, 'schema.sql');
const containmentSql = readSqlBeside(import.meta.url, 'containment.sql');
const indicatorPartsSql = readSqlBeside(import.meta.url, 'indicator-parts.sql');
const qualityChecksSql = readSqlBeside(import.meta.url, '../quality/checks.sql');

const date = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/** Writes a complete snapshot into a new DuckDB file; returns its row counts and quality issues. */
export async function writeSnapshot(file: string, content: SnapshotContent): Promise<WrittenSnapshot> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await connection.run(schemaSql);
    await appendRows(connection, 'snapshot_meta', Object.entries(content.meta));
    await appendRows(connection, 'load_run', [[content.run.runId, content.run.startedAt, null, content.run.etlVersion, content.run.dataDir]]);
    await appendRows(connection, 'source', content.sources.map((s) => [s.id, s.title, s.publisher, s.licence, s.url, s.file, s.sha256, s.rowsRead, s.synthetic]));
    await appendRows(connection, 'territory', content.territory.map((t) => [t.code, t.level, t.name, t.parentCode, date(t.validFrom), date(t.validTo), t.areaKm2, t.areaSourceId, t.sourceId]));
    await appendRows(connection, 'comune_history', content.history.map((h) => [h.code, h.name, date(h.validFrom), date(h.validTo)]));
    await appendRows(connection, 'crosswalk', [...content.crosswalk].map((c) => [c.oldCode, c.newCode, date(c.eventDate), c.split]));
    await appendRows(connection, 'ambito_member', content.memberships.map((m) => [m.ambitoCode, m.comuneCode, date(m.validFrom), date(m.validTo)]));
    await appendRows(connection, 'observation', content.observations.map((o) => [o.territoryCode, o.year, o.variable, o.sex, o.ageBand, o.value, o.sourceId, content.run.runId, o.sourceCodes]));
    await appendRows(connection, 'indicator', content.indicators.map((indicator, position) => [indicator.code, position, JSON.stringify(indicator)]));
    await appendRows(connection, 'boundary', content.boundaries.map((b) => [b.provinciaCode, b.topojson, b.sourceId]));

    await connection.run(containmentSql);
    await connection.run(`CREATE TEMP TABLE indicator_term (indicator_code VARCHAR, part VARCHAR, variable VARCHAR, sex VARCHAR, age_band VARCHAR, lag INTEGER, sign INTEGER, attribute VARCHAR)`);
    await appendRows(connection, 'indicator_term', content.indicators.flatMap((indicator) =>
      (['numerator', 'denominator'] as const).flatMap((part) =>
        (indicator[part] ?? []).map((term) =>
          'attribute' in term
            ? [indicator.code, part, null, null, null, 0, term.sign, term.attribute]
            : [indicator.code, part, term.variable, term.sex, term.age_band, term.lag, term.sign, null]),
      ),
    ));
    await connection.run(indicatorPartsSql);
    await connection.run(qualityChecksSql);
    await connection.run(`UPDATE load_run SET finished_at = now()::TIMESTAMP`);
    await connection.run('CHECKPOINT');

    const counts: Record<string, number> = {};
    for (const table of ['source', 'territory', 'comune_history', 'crosswalk', 'ambito_member', 'observation', 'indicator', 'indicator_part', 'boundary', 'quality_issue']) {
      const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
      counts[table] = reader.getRowObjectsJS()[0]!.n as number;
    }
    const issues = await connection.runAndReadAll('SELECT severity, rule, message FROM quality_issue ORDER BY severity DESC, rule, territory_code, year');
    return { counts, issues: issues.getRowObjectsJS() as unknown as QualityIssue[] };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
