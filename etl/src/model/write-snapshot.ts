/**
 * Builds a snapshot in a new DuckDB file, which is also the load's working memory: territory tables
 * first, then every observation staged, harmonised, resolved and turned into indicator parts by the SQL
 * files beside this module, then the quality checks. DuckDB's memory_limit bounds the load; work beyond
 * it spills to the staging folder.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { AgeBand } from '../catalog/age-bands.js';
import type { Area, Indicator } from '../catalog/indicators.js';
import { qualityParams, type QualityRules } from '../catalog/quality-rules.js';
import { appendRows } from '../db/rows.js';
import { readSqlBeside, runStatements } from '../db/sql-file.js';
import type { Progress } from '../progress.js';
import { SCHEMA_VERSION } from '../publish/layout.js';
import type { AmbitoMembership } from './ambiti.js';
import { indicatorPartsSql } from './indicator-parts.js';
import { derivedWideSql, numberValueKeys, resolvedWideSql } from './value-keys.js';
import type { CrosswalkEntry } from './crosswalk.js';
import type { VariableDefinition } from '../sources/descriptor.js';
import type { ComuneValidityInput, SourceMeta } from './input.js';
import type { TerritoryRow } from './territory.js';
import { throwStageErrors } from '../stage/stage-errors.js';
import { harmonise } from './harmonise.js';
import { issuesOf, readQualitySummary, type QualityIssueLine, type QualitySummary } from '../quality/report.js';

const SQL = {
  schema: readSqlBeside(import.meta.url, 'schema.sql'),
  work: readSqlBeside(import.meta.url, '../stage/sql/work-schema.sql'),
  cells: readSqlBeside(import.meta.url, '../stage/sql/cells.sql'),
  containment: readSqlBeside(import.meta.url, 'containment.sql'),
  derive: readSqlBeside(import.meta.url, 'derive.sql'),
  indicatorParts: readSqlBeside(import.meta.url, 'indicator-parts.sql'),
  indicatorAggregates: readSqlBeside(import.meta.url, 'indicator-aggregates.sql'),
  availability: readSqlBeside(import.meta.url, 'indicator-availability.sql'),
  quality: readSqlBeside(import.meta.url, '../quality/checks.sql'),
  coveragePrevious: readSqlBeside(import.meta.url, '../quality/coverage-previous.sql'),
};

export interface TerritoryContent {
  readonly meta: Readonly<Record<string, string>>;
  readonly run: { readonly runId: string; readonly startedAt: Date; readonly etlVersion: string; readonly dataDir: string | null };
  readonly territory: readonly TerritoryRow[];
  readonly history: readonly ComuneValidityInput[];
  readonly crosswalk: Iterable<CrosswalkEntry>;
  readonly memberships: readonly AmbitoMembership[];
  readonly areas: readonly Area[];
  readonly indicators: readonly Indicator[];
  readonly bands: readonly AgeBand[];
  readonly boundaries: readonly { provinciaCode: string; topojson: string; sourceId: string }[];
}

export interface WrittenSnapshot {
  readonly counts: Readonly<Record<string, number>>;
  /** The quality issues counted, with the first QUALITY_LINES_PER_RULE of each rule. */
  readonly quality: QualitySummary;
}

/** The issues of each rule a load reads back: as many as an error message lists. */
const QUALITY_LINES_PER_RULE = 20;

export class QualityErrors extends Error {
  override readonly name = 'QualityErrors';
  /** `first`: the first errors in report order; `total`: how many there are. */
  constructor(first: readonly QualityIssueLine[], total: number) {
    const listed = first.slice(0, 20).map((i) => `- ${i.message} [${i.rule}]`);
    super(`${total} quality ${total === 1 ? 'check' : 'checks'} failed:\n${listed.join('\n')}${total > listed.length ? `\n… and ${total - listed.length} more` : ''}`);
  }
}

const date = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

const COUNTED_TABLES = ['source', 'source_file', 'variable', 'territory', 'comune_history', 'crosswalk', 'ambito_member', 'observation', 'observation_ages', 'value_resolved', 'indicator', 'indicator_part', 'boundary', 'quality_issue'];

export interface BuildLimits {
  /** DuckDB's memory_limit, e.g. '1500MB'. */
  readonly memoryLimit: string;
  /** Where DuckDB spills work beyond the memory limit. */
  readonly tempDir: string;
}

/** An open snapshot being built; `close` must be called whatever happens. */
export class SnapshotBuilder {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async create(file: string, limits: BuildLimits): Promise<SnapshotBuilder> {
    const instance = await DuckDBInstance.create(file, { memory_limit: limits.memoryLimit, temp_directory: limits.tempDir, preserve_insertion_order: 'true' });
    const builder = new SnapshotBuilder(instance, await instance.connect());
    await builder.connection.run(SQL.schema);
    await runStatements(builder.connection, SQL.work);
    await runStatements(builder.connection, SQL.cells);
    return builder;
  }

  /** The territory, the catalogue and everything else that is not an observation. */
  async writeTerritory(content: TerritoryContent): Promise<void> {
    const c = this.connection;
    await appendRows(c, 'snapshot_meta', Object.entries(content.meta));
    await appendRows(c, 'load_run', [[content.run.runId, content.run.startedAt, null, content.run.etlVersion, content.run.dataDir]]);
    await appendRows(c, 'territory', content.territory.map((t) => [t.code, t.level, t.name, t.parentCode, date(t.validFrom), date(t.validTo), t.areaKm2, t.areaSourceId, t.sourceId]));
    await appendRows(c, 'comune_history', content.history.map((h) => [h.code, h.name, date(h.validFrom), date(h.validTo)]));
    await appendRows(c, 'crosswalk', [...content.crosswalk].map((x) => [x.oldCode, x.newCode, date(x.eventDate), x.split, x.kind]));
    await appendRows(c, 'ambito_member', content.memberships.map((m) => [m.ambitoCode, m.comuneCode, date(m.validFrom), date(m.validTo)]));
    await appendRows(c, 'area', content.areas.map((area, position) => [area.code, position, area.name.it, area.name.en]));
    // Availability is known once the parts are computed (indicator-availability.sql).
    await appendRows(c, 'indicator', content.indicators.map((indicator, position) => [indicator.code, position, JSON.stringify(indicator), false, null, null]));
    await appendRows(c, 'age_band', content.bands.map((b) => [b.code, b.from, b.to, b.name.it, b.name.en]));
    await appendRows(c, 'boundary', content.boundaries.map((b) => [b.provinciaCode, b.topojson, b.sourceId]));
    await c.run(SQL.containment);
  }

  /**
   * From staged values to indicator parts: harmonise onto current comuni, resolve each value from the
   * preferred source, compute the parts, run the quality checks. Throws the first stage's problems.
   */
  async model(options: {
    referenceDate: string;
    precedence: readonly string[];
    indicators: readonly Indicator[];
    /** The variables of sources.yaml: their names and publishers say why an indicator is unavailable. */
    variables: Readonly<Record<string, VariableDefinition>>;
    bands: readonly AgeBand[];
    rules: QualityRules;
    sources: readonly SourceMeta[];
    /** The snapshot served now, to compare coverage with (only one of this schema version counts). */
    previous: { readonly id: string; readonly file: string } | null;
    progress: Progress;
  }): Promise<WrittenSnapshot> {
    const c = this.connection;
    const { progress } = options;
    await throwStageErrors(c);
    // One transaction for the model's bulk tables: DuckDB writes its bulk inserts straight into the file once,
    // instead of through the write-ahead log and again at each automatic checkpoint.
    await c.run('BEGIN TRANSACTION');
    const timed = async (label: string, step: () => Promise<void>) => {
      const started = performance.now();
      await step();
      progress.step(`${label} in ${Math.round(performance.now() - started)} ms`);
    };
    await timed('harmonised values onto current comuni', () => harmonise(c, options.referenceDate));
    await throwStageErrors(c);

    await appendRows(c, 'source', options.sources.map((s) => [s.id, s.title, s.publisher, s.licence, s.url, s.file, s.sha256, s.rowsRead, s.synthetic]));
    await c.run(`INSERT INTO source_file SELECT source_id, path, sha256, bytes, year, rows_read, not_published FROM stage_file ORDER BY file_id`);
    // Each source as a small number, for the columns that say where a value comes from.
    await c.run(`CREATE OR REPLACE TEMP TABLE source_index AS SELECT source_id, CAST(row_number() OVER (ORDER BY source_id) AS SMALLINT) AS src, synthetic FROM source`);
    await c.run(`CREATE OR REPLACE TEMP TABLE source_rank (source_id VARCHAR, rank INTEGER)`);
    await appendRows(c, 'source_rank', options.precedence.map((id, rank) => [id, rank]));
    await c.run(`CREATE OR REPLACE TEMP TABLE requested_value (variable VARCHAR, sex VARCHAR, band VARCHAR)`);
    await appendRows(c, 'requested_value', requestedValues(options.indicators));
    await c.run(`INSERT INTO requested_value SELECT DISTINCT variable, 'T', 'TOT' FROM (SELECT variable FROM observation UNION SELECT variable FROM observation_ages)`);
    const keys = await numberValueKeys(c);
    await timed('resolved totals and age bands', async () => {
      await runStatements(c, derivedWideSql(keys));
      await runStatements(c, SQL.derive);
    });

    await c.run(`CREATE OR REPLACE TEMP TABLE indicator_term (indicator_code VARCHAR, part VARCHAR, variable VARCHAR, sex VARCHAR, age_band VARCHAR, lag INTEGER, sign INTEGER, attribute VARCHAR)`);
    await appendRows(c, 'indicator_term', options.indicators.flatMap((indicator) =>
      (['numerator', 'denominator'] as const).flatMap((part) =>
        (indicator[part] ?? []).map((term) =>
          'attribute' in term
            ? [indicator.code, part, null, null, null, 0, term.sign, term.attribute]
            : [indicator.code, part, term.variable, term.sex, term.age_band, term.lag, term.sign, null]),
      ),
    ));
    const synthetic = (await c.runAndReadAll('SELECT src FROM source_index WHERE synthetic ORDER BY src')).getRows().map(([src]) => Number(src));
    await timed('computed indicator parts', async () => {
      await runStatements(c, resolvedWideSql(keys));
      await runStatements(c, indicatorPartsSql(options.indicators, keys, synthetic));
      await runStatements(c, SQL.indicatorParts);
    });
    await timed('summed indicator parts for every territory', () => runStatements(c, SQL.indicatorAggregates));
    await appendRows(c, 'variable', Object.entries(options.variables).map(([code, v]) => [code, v.kind, v.it, v.en, v.publisher ?? null]));
    await runStatements(c, SQL.availability);
    // Before the quality checks, which attach the snapshot served now (no attaching within the model's transaction).
    await c.run('COMMIT');
    await timed('ran the quality checks', async () => {
      await runStatements(c, SQL.quality, qualityParams(options.rules));
      if (options.previous !== null && (await this.attachPrevious(options.previous.file))) {
        await runStatements(c, SQL.coveragePrevious, { ...qualityParams(options.rules), previous_id: options.previous.id });
        await c.run('DETACH previous');
      }
    });
    await c.run(`UPDATE load_run SET finished_at = now()::TIMESTAMP`);

    const quality = await readQualitySummary(c, QUALITY_LINES_PER_RULE);
    const errors = issuesOf(quality, 'error');
    if (errors > 0) throw new QualityErrors(quality.first.filter((i) => i.severity === 'error'), errors);
    await c.run('CHECKPOINT');
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const reader = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
      counts[table] = reader.getRowObjectsJS()[0]!.n as number;
    }
    return { counts, quality };
  }

  /** Attaches a published snapshot read-only as `previous`; false when it is of another schema version. */
  private async attachPrevious(file: string): Promise<boolean> {
    const literal = `'${file.replaceAll("'", "''")}'`;
    await this.connection.run(`ATTACH ${literal} AS previous (READ_ONLY)`);
    const version = (await this.connection.runAndReadAll(`SELECT value FROM previous.snapshot_meta WHERE key = 'schema_version'`)).getRows()[0]?.[0];
    if (version === SCHEMA_VERSION) return true;
    await this.connection.run('DETACH previous');
    return false;
  }

  private closed = false;

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** The variable × sex × band values the indicators read. */
function requestedValues(indicators: readonly Indicator[]): [string, string, string][] {
  const keys = new Map<string, [string, string, string]>();
  for (const indicator of indicators) {
    for (const term of [...indicator.numerator, ...(indicator.denominator ?? [])]) {
      if ('variable' in term) keys.set(`${term.variable}|${term.sex}|${term.age_band}`, [term.variable, term.sex, term.age_band]);
    }
  }
  return [...keys.values()];
}

