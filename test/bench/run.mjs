#!/usr/bin/env node
/**
 * npm run bench: performance as ratios against references measured in the same run, never as
 * absolute thresholds. Prints a table and writes bench/results/<time>.json.
 *   etl: a full load of the data folder   vs  DuckDB's own read_csv of the same CSV files (the floor)
 *   api: the values endpoint over HTTP    vs  the same SQL run in-process on the same snapshot
 * Data: OSSERVATORIO_DATA_DIR, else ../shared/datasets beside the checkout, else the demo.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig } from '../../backend/dist/config/config.js';
import { createApp } from '../../backend/dist/create-app.js';
import { loadSql } from '../../backend/dist/core/sql.js';
import { loadEtlConfig } from '../../etl/dist/config.js';
import { runLoad } from '../../etl/dist/load.js';
import { silentProgress } from '../../etl/dist/progress.js';
import { readCurrentSnapshotId, stateLayout } from '../../etl/dist/publish/layout.js';
import { loadSourceCatalog } from '../../etl/dist/sources/descriptor.js';
import { resolveSourceFiles } from '../../etl/dist/sources/read-source.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ETL_RUNS = 5;
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
  const aggregateSql = loadSql(new URL('../../backend/dist/values/values.repository.js', import.meta.url).href, 'aggregate.sql');
  const inProcess = [];
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const ms = await timed(() => connection.runAndReadAll(aggregateSql, query));
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
