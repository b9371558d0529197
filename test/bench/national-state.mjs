/**
 * The national-size snapshot the API benchmarks read: the data folder plus the ten generated national
 * POSAS files, loaded once into a state folder kept under bench/cache/ (gitignored) and reused while its
 * inputs are the same. The key hashes what decides the snapshot's content: the generator's source and
 * years, the data folder's files (name, size, mtime), datasets/ (catalogue, sources, bands), the built
 * ETL (etl/dist: its modules and SQL) and the snapshot schema version. An older national state is removed when a new one is built.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEtlConfig } from '../../etl/dist/config.js';
import { SCHEMA_VERSION } from '../../etl/dist/contract.js';
import { runLoad } from '../../etl/dist/load.js';
import { silentProgress } from '../../etl/dist/progress.js';
import { readCurrentSnapshotId, stateLayout } from '../../etl/dist/publish/layout.js';
import { NATIONAL_YEARS, writeNationalPosas } from './national-posas.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = path.join(ROOT, 'bench', 'cache');
const COMPLETE = 'bench-complete.json';

/** The real data folder (by links) plus national POSAS files (the ten years unless told), generated from a real-data snapshot. */
export async function nationalDataDir(dataDir, years = NATIONAL_YEARS) {
  const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-national-'));
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    await mkdir(path.join(dir, entry.name));
    for (const file of await readdir(path.join(dataDir, entry.name))) await symlink(path.join(dataDir, entry.name, file), path.join(dir, entry.name, file));
  }
  const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
  try {
    await runLoad(loadEtlConfig({}, { stateDir, dataDir }), silentProgress);
    const layout = stateLayout(stateDir);
    const files = await writeNationalPosas(layout.snapshotFile(await readCurrentSnapshotId(layout)), path.join(dir, 'population'), years);
    return { dir, files };
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
}

/** A state folder serving the national-size snapshot: from the cache when its key matches, else loaded now. */
export async function nationalState(dataDir, log = console.log) {
  const key = await nationalKey(dataDir);
  const stateDir = path.join(CACHE, `national-${key}`);
  if (existsSync(path.join(stateDir, COMPLETE))) {
    log(`national snapshot: reusing ${path.relative(ROOT, stateDir)}`);
    return { stateDir, snapshotFile: await snapshotFileOf(stateDir), reused: true };
  }
  log(`national snapshot: building ${path.relative(ROOT, stateDir)} (generate ten POSAS files, then one load; a few minutes)`);
  await mkdir(CACHE, { recursive: true });
  for (const entry of await readdir(CACHE)) if (entry.startsWith('national-')) await rm(path.join(CACHE, entry), { recursive: true, force: true });
  const building = await mkdtemp(path.join(CACHE, 'building-'));
  const { dir } = await nationalDataDir(dataDir);
  try {
    const started = performance.now();
    await runLoad(loadEtlConfig({}, { stateDir: building, dataDir: dir }), silentProgress);
    await writeFile(path.join(building, COMPLETE), `${JSON.stringify({ key, builtAt: new Date().toISOString(), loadMs: Math.round(performance.now() - started) })}\n`);
    await rename(building, stateDir);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { stateDir, snapshotFile: await snapshotFileOf(stateDir), reused: false };
}

async function snapshotFileOf(stateDir) {
  const layout = stateLayout(stateDir);
  const id = await readCurrentSnapshotId(layout);
  if (id === null) throw new Error(`${stateDir} serves no snapshot`);
  return layout.snapshotFile(id);
}

async function nationalKey(dataDir) {
  const hash = createHash('sha256');
  hash.update(`schema ${SCHEMA_VERSION}\nyears ${NATIONAL_YEARS.join(',')}\n`);
  hash.update(await readFile(new URL('./national-posas.mjs', import.meta.url)));
  for (const file of await filesUnder(dataDir)) {
    const s = await stat(file);
    hash.update(`data ${path.relative(dataDir, file)} ${s.size} ${s.mtimeMs}\n`);
  }
  const datasets = path.join(ROOT, 'datasets');
  for (const file of await filesUnder(datasets)) hash.update(`datasets ${path.relative(datasets, file)}\n`).update(await readFile(file));
  // The load's own code and SQL decide the content too (a snapshot of an older ETL may lack a table's new shape).
  const etl = path.join(ROOT, 'etl', 'dist');
  for (const file of (await filesUnder(etl)).filter((f) => /\.(js|sql)$/.test(f))) hash.update(`etl ${path.relative(etl, file)}\n`).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}
