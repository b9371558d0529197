#!/usr/bin/env node
/**
 * npm run bench: performance as ratios against references measured in the same run, never as
 * absolute thresholds. Prints a table and writes bench/results/<time>.json.
 *   etl:      a full load of the data folder   vs  DuckDB's own read_csv of the same CSV files (the floor)
 *   national: the data folder plus ten national POSAS files (2015-2024, ~8M rows, generated in the
 *             published shape), loaded in a child process (time and peak memory)  vs  DuckDB's own
 *             read_csv of the ten files
 *   api:      the values endpoint over HTTP    vs  the same SQL run in-process on the same snapshot
 * Data: OSSERVATORIO_DATA_DIR, else ../shared/datasets beside the checkout, else the demo.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig } from '../../backend/dist/config/config.js';
import { createApp } from '../../backend/dist/create-app.js';
import { bindParams } from '../../backend/dist/core/snapshot-pool.js';
import { loadSql } from '../../backend/dist/core/sql.js';
import { loadEtlConfig } from '../../etl/dist/config.js';
import { runLoad } from '../../etl/dist/load.js';
import { silentProgress } from '../../etl/dist/progress.js';
import { readCurrentSnapshotId, stateLayout } from '../../etl/dist/publish/layout.js';
import { loadSourceCatalog } from '../../etl/dist/sources/descriptor.js';
import { resolveSourceFiles } from '../../etl/dist/sources/read-source.js';
import { NATIONAL_YEARS, writeNationalPosas } from './national-posas.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ETL_RUNS = 5;
const NATIONAL_RUNS = 3;
const REQUESTS = 400;
const WARMUP = 50;

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function chooseDataDir() {
  if (process.env.OSSERVATORIO_DATA_DIR) return path.resolve(process.env.OSSERVATORIO_DATA_DIR);
  const beside = path.join(ROOT, '..', 'shared', 'datasets');
  return existsSync(beside) ? beside : null;
}

async function benchEtl(dataDir) {
  const loads = [];
  for (let i = 0; i < ETL_RUNS; i += 1) {
    const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
    loads.push(await timed(() => runLoad(loadEtlConfig({}, { stateDir, ...(dataDir ? { dataDir } : {}) }), silentProgress)));
    await rm(stateDir, { recursive: true, force: true });
  }
  if (dataDir === null) return { loadMs: median(loads), readCsvMs: null };
  const catalog = await loadSourceCatalog(path.join(ROOT, 'datasets', 'sources.yaml'));
  const csvs = [];
  for (const source of catalog.sources.filter((s) => s.format === 'csv')) {
    for (const file of await resolveSourceFiles(source, dataDir)) csvs.push({ file, delim: source.parse.delimiter });
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reads = [];
  for (let i = 0; i < ETL_RUNS; i += 1) {
    reads.push(await timed(async () => {
      for (const { file, delim } of csvs) {
        await connection.runAndReadAll('SELECT count(*) FROM read_csv($file, delim = $delim, header = true, all_varchar = true)', { file, delim });
      }
    }));
  }
  connection.closeSync();
  instance.closeSync();
  return { loadMs: median(loads), readCsvMs: median(reads), files: csvs.length };
}

/** The real data folder (by links) plus the ten national POSAS files, generated from a real-data snapshot. */
async function nationalDataDir(dataDir) {
  const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-national-'));
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    await mkdir(path.join(dir, entry.name));
    for (const file of await readdir(path.join(dataDir, entry.name))) await symlink(path.join(dataDir, entry.name, file), path.join(dir, entry.name, file));
  }
  const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
  await runLoad(loadEtlConfig({}, { stateDir, dataDir }), silentProgress);
  const layout = stateLayout(stateDir);
  const files = await writeNationalPosas(layout.snapshotFile(await readCurrentSnapshotId(layout)), path.join(dir, 'population'));
  await rm(stateDir, { recursive: true, force: true });
  return { dir, files };
}

/** One load in its own process, as `npm run etl -- load` runs it: wall time and peak resident memory. */
function loadInChildProcess(dataDir, stateDir) {
  const script = `
    const { loadEtlConfig } = await import(${JSON.stringify(path.join(ROOT, 'etl/dist/config.js'))});
    const { runLoad } = await import(${JSON.stringify(path.join(ROOT, 'etl/dist/load.js'))});
    const { silentProgress } = await import(${JSON.stringify(path.join(ROOT, 'etl/dist/progress.js'))});
    const started = performance.now();
    await runLoad(loadEtlConfig(process.env, { dataDir: ${JSON.stringify(dataDir)}, stateDir: ${JSON.stringify(stateDir)} }), silentProgress);
    console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`national load failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

async function benchNational(dataDir) {
  const { dir, files } = await nationalDataDir(dataDir);
  try {
    const loads = [];
    for (let i = 0; i < NATIONAL_RUNS; i += 1) {
      const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
      loads.push(await loadInChildProcess(dir, stateDir));
      await rm(stateDir, { recursive: true, force: true });
    }
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reads = [];
    for (let i = 0; i < NATIONAL_RUNS; i += 1) {
      reads.push(await timed(async () => {
        for (const [n, file] of files.entries()) {
          // As a user of DuckDB would read a published POSAS file: its title line skipped, the note line padded.
          await connection.run(`CREATE OR REPLACE TEMP TABLE posas_${n} AS SELECT * FROM read_csv($file, delim = ';', skip = 1, header = true, null_padding = true)`, { file });
        }
      }));
    }
    let rows = 0;
    for (const n of files.keys()) rows += Number((await connection.runAndReadAll(`SELECT count(*) FROM posas_${n} WHERE "Età" IS NOT NULL`)).getRows()[0][0]);
    connection.closeSync();
    instance.closeSync();
    return {
      years: NATIONAL_YEARS,
      rows,
      loadMs: median(loads.map((l) => l.ms)),
      loadsMs: loads.map((l) => Math.round(l.ms)),
      peakMemoryMb: Math.max(...loads.map((l) => l.maxRssKb)) / 1024,
      readCsvMs: median(reads),
      readsMs: reads.map((r) => Math.round(r)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchApi(dataDir) {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
  await runLoad(loadEtlConfig({}, { stateDir, ...(dataDir ? { dataDir } : {}) }), silentProgress);
  const app = await createApp(loadConfig({ OSSERVATORIO_STATE_DIR: stateDir, PORT: '0' }), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const query = { code: 'DEM_U12', year: 2021, level: 'comune', parent: '018' };
  const url = `http://127.0.0.1:${port}/api/indicators/${query.code}/values?level=${query.level}&parent=${query.parent}&year=${query.year}`;

  const http = [];
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const ms = await timed(async () => {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      await response.arrayBuffer();
    });
    if (i >= WARMUP) http.push(ms);
  }
  await app.close();

  // The floor: the API's own SQL, on the same snapshot file, in this process.
  const layout = stateLayout(stateDir);
  const instance = await DuckDBInstance.create(layout.snapshotFile(await readCurrentSnapshotId(layout)), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  // The engine's one query, with the parameters the values endpoint gives it.
  const sumsSql = loadSql(new URL('../../backend/dist/engine/sums.repository.js', import.meta.url).href, 'sums.sql');
  const sums = bindParams({ indicators: [query.code], years: [query.year], level: query.level, parent: query.parent, codes: [], extra: [query.parent], benchmark_level: null, group: [], group_code: 'group', group_name: '', group_is_row: false });
  const inProcess = [];
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const ms = await timed(() => connection.runAndReadAll(sumsSql, sums.values, sums.types));
    if (i >= WARMUP) inProcess.push(ms);
  }
  connection.closeSync();
  instance.closeSync();
  await rm(stateDir, { recursive: true, force: true });
  return {
    request: url.replace(/^http:\/\/[^/]+/, ''),
    http: { p50: quantile(http, 0.5), p95: quantile(http, 0.95) },
    inProcess: { p50: quantile(inProcess, 0.5), p95: quantile(inProcess, 0.95) },
  };
}

const which = process.argv[2] ?? 'all';
const dataDir = chooseDataDir();
console.log(`data: ${dataDir ?? 'the demo (no data folder found)'}`);
const result = { at: new Date().toISOString(), node: process.version, dataDir };
const f = (ms) => (ms === null ? '—' : `${ms.toFixed(2)} ms`);
if (which === 'all' || which === 'etl') {
  result.etl = await benchEtl(dataDir);
  console.log(`\nETL (median of ${ETL_RUNS})`);
  console.log(`  full load                     ${f(result.etl.loadMs)}`);
  console.log(`  DuckDB read_csv of the ${result.etl.files ?? 0} CSVs   ${f(result.etl.readCsvMs)}`);
  if (result.etl.readCsvMs) console.log(`  ratio load / read_csv         ${(result.etl.loadMs / result.etl.readCsvMs).toFixed(1)}×`);
}
if ((which === 'all' || which === 'national') && dataDir !== null) {
  result.national = await benchNational(dataDir);
  const n = result.national;
  console.log(`\nNational POSAS ${n.years[0]}-${n.years.at(-1)} (${n.rows.toLocaleString('en')} rows) beside the real data (median of ${NATIONAL_RUNS})`);
  console.log(`  full load (child process)     ${f(n.loadMs)}   runs: ${n.loadsMs.join(', ')} ms`);
  console.log(`  DuckDB read_csv of the files  ${f(n.readCsvMs)}   runs: ${n.readsMs.join(', ')} ms`);
  console.log(`  ratio load / read_csv         ${(n.loadMs / n.readCsvMs).toFixed(1)}×`);
  console.log(`  peak memory of the load       ${n.peakMemoryMb.toFixed(0)} MB`);
}
if (which === 'all' || which === 'api') {
  result.api = await benchApi(dataDir);
  console.log(`\nAPI ${result.api.request} (${REQUESTS} sequential requests after ${WARMUP} warm-up)`);
  console.log(`                     p50         p95`);
  console.log(`  HTTP              ${f(result.api.http.p50).padEnd(11)} ${f(result.api.http.p95)}`);
  console.log(`  in-process SQL    ${f(result.api.inProcess.p50).padEnd(11)} ${f(result.api.inProcess.p95)}`);
  console.log(`  ratio             ${(result.api.http.p50 / result.api.inProcess.p50).toFixed(2)}×       ${(result.api.http.p95 / result.api.inProcess.p95).toFixed(2)}×`);
}
const resultsDir = path.join(ROOT, 'bench', 'results');
await mkdir(resultsDir, { recursive: true });
const out = path.join(resultsDir, `${result.at.replace(/[:.]/g, '-')}.json`);
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwritten ${path.relative(ROOT, out)}`);
