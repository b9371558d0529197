import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadAgeBands } from './catalog/age-bands.js';
import { readAmbitiFile } from './catalog/ambiti.js';
import { loadIndicatorCatalog } from './catalog/indicators.js';
import { loadQualityRules } from './catalog/quality-rules.js';
import { repoRoot, type EtlConfig } from './config.js';
import { demoInputBytes, prepareDemo, type ObservationFiles } from './demo/demo-input.js';
import { validateAmbiti } from './model/ambiti.js';
import { dissolveOntoCurrentComuni } from './model/boundaries.js';
import { buildCrosswalk, renumberedComuni } from './model/crosswalk.js';
import type { ModelInput, SourceMeta } from './model/input.js';
import { readPublishedSources, sourceMeta } from './model/read-published.js';
import { buildTerritory } from './model/territory.js';
import { SnapshotBuilder } from './model/write-snapshot.js';
import type { Progress } from './progress.js';
import { formatQualityReport, issuesOf } from './quality/report.js';
import { sweepDebris } from './publish/debris.js';
import { readCurrentSnapshotId, SCHEMA_VERSION, stateLayout } from './publish/layout.js';
import { withLoadLock } from './publish/lock.js';
import { requireStateFolder } from './publish/state-folder.js';
import { listSnapshots, newSnapshotId, publishSnapshot, type SnapshotManifest } from './publish/snapshots.js';
import { loadSourceCatalog, type SourceCatalog } from './sources/descriptor.js';
import { digestCatalogFiles, type FileDigest } from './sources/files.js';
import { FileIds, stageObservationSources } from './stage/observations.js';

export const ETL_VERSION = '0.2.0';
const AMBITI_SOURCE_ID = 'ambiti_config';

export interface LoadOptions {
  readonly ifChanged?: boolean;
  readonly now?: Date;
  /** Publish even when fewer comuni have values than in the snapshot served now (a warning, not an error). */
  readonly acceptCoverageDrop?: boolean;
}

export type LoadOutcome =
  | { readonly kind: 'published'; readonly manifest: SnapshotManifest }
  | { readonly kind: 'unchanged'; readonly id: string };

/**
 * One load: read the territory, stage every observation in DuckDB, model and check it there, and publish
 * the snapshot. Anything that fails before the pointer moves leaves the served snapshot as it was. Loads
 * into one state folder run one at a time.
 */
export async function runLoad(config: EtlConfig, progress: Progress, options: LoadOptions = {}): Promise<LoadOutcome> {
  const layout = stateLayout(config.stateDir);
  await requireStateFolder(config.stateDir, { create: true });
  return withLoadLock(layout, progress, async () => {
    await sweepDebris(layout, progress);
    return loadHoldingLock(config, progress, options);
  });
}

async function loadHoldingLock(config: EtlConfig, progress: Progress, options: LoadOptions): Promise<LoadOutcome> {
  const layout = stateLayout(config.stateDir);
  const catalog = await loadSourceCatalog(path.join(config.datasetsDir, 'sources.yaml'));
  const bands = await loadAgeBands(path.join(config.datasetsDir, 'age_bands.yaml'));
  const { areas, indicators } = await loadIndicatorCatalog(path.join(config.datasetsDir, 'indicators.yaml'), catalog.variables, bands.map((b) => b.code));
  const rules = await loadQualityRules(path.join(config.datasetsDir, 'quality.yaml'));
  const ambitiFile = await chooseAmbitiFile(config);
  const files = config.dataDir === null ? new Map<string, FileDigest[]>() : await digestCatalogFiles(catalog, config.dataDir);
  const fingerprint = await fingerprintInputs(config, files, ambitiFile);

  if (options.ifChanged) {
    const current = await readCurrentSnapshotId(layout);
    const manifest = (await listSnapshots(layout, progress)).find((m) => m.id === current);
    if (current !== null && manifest?.fingerprint === fingerprint) {
      progress.step(`inputs unchanged since snapshot ${current}: nothing to load`);
      return { kind: 'unchanged', id: current };
    }
    // Real data loaded earlier (e.g. with --data) is never replaced by the demo just because a later
    // start has no data folder configured.
    if (current !== null && config.dataDir === null && manifest?.mode === 'real') {
      progress.step(`no data folder given: keeping real snapshot ${current} (set OSSERVATORIO_DATA_DIR to reload)`);
      return { kind: 'unchanged', id: current };
    }
  }

  progress.step(config.dataDir === null ? 'no data folder given: building the demo (real comuni, 2011 census and Pavia boundaries; generated files for the rest)' : `reading published files from ${config.dataDir}`);
  const demo = config.dataDir === null ? await prepareDemo(catalog, config.datasetsDir) : null;
  const input: ModelInput = demo?.input ?? (await readPublishedSources(catalog, config.dataDir!, progress));

  const currentCodes = new Set(input.comuni.map((c) => c.code));
  const crosswalk = buildCrosswalk(input.suppressed, currentCodes, renumberedComuni(input.history, currentCodes));
  const ambiti = await readAmbitiFile(ambitiFile);
  const memberships = validateAmbiti(ambiti, input.history, input.referenceDate, new Set(input.province.map((p) => p.code)));
  const territory = buildTerritory(input, ambiti.data.ambiti, memberships, AMBITI_SOURCE_ID);
  const boundaries = input.boundaries.map((b) => ({
    provinciaCode: b.provinciaCode,
    topojson: JSON.stringify(dissolveOntoCurrentComuni(b, input.comuni, crosswalk, input.referenceDate)),
    sourceId: b.sourceId,
  }));

  const now = options.now ?? new Date();
  const id = newSnapshotId(now, fingerprint);
  await mkdir(layout.stagingDir, { recursive: true });
  const staged = path.join(layout.stagingDir, `${id}.duckdb`);
  const workDir = await mkdtemp(path.join(layout.stagingDir, `${id}.work-`));
  const builder = await SnapshotBuilder.create(staged, { memoryLimit: config.memoryLimit, tempDir: workDir });
  try {
    const ambitiSource: SourceMeta = {
      id: AMBITI_SOURCE_ID,
      title: ambiti.data.example ? 'Configurazione degli Ambiti — ESEMPIO, non ufficiale' : 'Configurazione degli Ambiti del distretto',
      publisher: 'Ufficio di Piano (configurazione del distretto)',
      licence: 'configurazione locale',
      url: null,
      // Like every source file: relative to the data folder, or to the project for the shipped example.
      file: path.relative(config.dataDir !== null && ambitiFile.startsWith(config.dataDir) ? config.dataDir : repoRoot, ambitiFile),
      sha256: null,
      rowsRead: memberships.length,
      synthetic: false,
    };
    await builder.writeTerritory({
      meta: {
        snapshot_id: id,
        schema_version: SCHEMA_VERSION,
        created_at: now.toISOString(),
        mode: input.mode,
        reference_date: input.referenceDate,
        fingerprint,
        ambiti_example: String(ambiti.data.example),
        ambiti_note: ambiti.data.note?.it ?? '',
        ambiti_note_en: ambiti.data.note?.en ?? '',
      },
      run: { runId: randomUUID(), startedAt: now, etlVersion: ETL_VERSION, dataDir: config.dataDir },
      territory,
      history: input.history,
      crosswalk: crosswalk.values(),
      memberships,
      areas,
      indicators,
      bands,
      boundaries,
    });
    // The demo writes its generated files into the work folder and reads them like published ones.
    const observed: ObservationFiles = demo === null ? { catalog, files } : await demo.writeObservationFiles(path.join(workDir, 'demo'));
    await stageObservationSources(builder.connection, observed.catalog, (sourceId) => observed.files.get(sourceId) ?? [], workDir, progress, new FileIds(), {
      comuni: input.comuni, history: input.history, suppressed: input.suppressed, successors: crosswalk, province: input.province,
    });
    const observationSources = await stagedSourceMeta(builder, observed.catalog, observed.files);
    const sources = [...input.sources, ...observationSources, ambitiSource];
    const served = await readCurrentSnapshotId(layout);
    const previous = served !== null && existsSync(layout.snapshotFile(served)) ? { id: served, file: layout.snapshotFile(served) } : null;
    const accepted = options.acceptCoverageDrop ? { ...rules, coverage_dropped: { severity: 'warning' as const } } : rules;
    const written = await builder.model({ referenceDate: input.referenceDate, precedence: catalog.precedence, indicators, variables: catalog.variables, bands, rules: accepted, sources, previous, progress });
    builder.close();
    const warnings = issuesOf(written.quality, 'warning');
    // The report in full is `npm run etl -- check`; a load shows the first few warnings of each rule.
    for (const line of formatQualityReport(written.quality, 5, ['warning']).slice(1)) progress.warn(`quality: ${line.trim()}`);
    if ((written.counts.indicator_part ?? 0) === 0) throw new Error('The load produced no indicator values: check that the sources hold the variables the catalogue uses.');
    const manifest: SnapshotManifest = {
      id,
      createdAt: now.toISOString(),
      mode: input.mode,
      fingerprint,
      dataDir: config.dataDir,
      sources: sources.map((s) => ({ id: s.id, file: s.file, rowsRead: s.rowsRead, synthetic: s.synthetic })),
      counts: written.counts,
      warnings,
    };
    await publishSnapshot(layout, staged, manifest, config.keepSnapshots);
    progress.step(`published snapshot ${id} (${written.counts.observation} values as published, ${written.counts.observation_ages} by single age, ${written.counts.indicator_part} indicator rows, ${manifest.warnings} quality warnings)`);
    return { kind: 'published', manifest };
  } finally {
    builder.close();
    await rm(staged, { force: true });
    await rm(`${staged}.wal`, { force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The observation sources that had files, with the rows read from each. */
async function stagedSourceMeta(builder: SnapshotBuilder, catalog: SourceCatalog, files: ReadonlyMap<string, FileDigest[]>): Promise<SourceMeta[]> {
  const reader = await builder.connection.runAndReadAll('SELECT source_id, CAST(sum(rows_read) AS DOUBLE) AS rows FROM stage_file GROUP BY source_id');
  const rows = new Map(reader.getRows().map(([sourceId, count]) => [String(sourceId), Number(count)]));
  return catalog.sources.filter((d) => d.role === 'observations' && (files.get(d.id)?.length ?? 0) > 0).map((d) => sourceMeta(d, files.get(d.id)!, rows.get(d.id) ?? 0));
}

/** The data folder's own territory/ambiti.yaml wins over the example shipped with the project. */
async function chooseAmbitiFile(config: EtlConfig): Promise<string> {
  if (config.dataDir !== null) {
    const own = path.join(config.dataDir, 'territory', 'ambiti.yaml');
    try {
      await access(own);
      return own;
    } catch {
      // fall through to the shipped example
    }
  }
  return path.join(config.datasetsDir, 'territory', 'ambiti.yaml');
}

/** Identifies a load's inputs: the same fingerprint means the same snapshot would be built. */
async function fingerprintInputs(config: EtlConfig, files: ReadonlyMap<string, readonly FileDigest[]>, ambitiFile: string): Promise<string> {
  const hash = createHash('sha256').update(`etl ${ETL_VERSION} schema ${SCHEMA_VERSION}\n`);
  for (const name of ['sources.yaml', 'indicators.yaml', 'age_bands.yaml', 'quality.yaml']) hash.update(await readFile(path.join(config.datasetsDir, name)));
  hash.update(await readFile(ambitiFile));
  if (config.dataDir === null) {
    hash.update('demo\n');
    for (const bytes of await demoInputBytes(config.datasetsDir)) hash.update(bytes);
  } else {
    for (const digests of files.values()) for (const file of digests) hash.update(`${file.path} ${file.sha256}\n`);
  }
  return hash.digest('hex');
}
