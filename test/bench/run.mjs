#!/usr/bin/env node
/**
 * npm run bench: performance as ratios against references measured in the same run, never as
 * absolute thresholds. Prints a table and writes bench/results/<time>.json.
 *   etl:      a full load of the data folder   vs  DuckDB's own read_csv of the same CSV files (the floor)
 *   national: the data folder plus ten national POSAS files (2015-2024, ~8M rows, generated in the
 *             published shape), loaded in a child process (time and peak memory)  vs  DuckDB's own
 *             read_csv of the ten files
 *   bigfile:  (only when asked) POSAS files of 0.25 GiB to over 2 GiB, UTF-8 and windows-1252, loaded in a
 *             child process: time per GiB against the smallest size's, peak memory, the error (bigfile.mjs)
 *   api:      the API as its own process (real data, and the national-size snapshot cached under
 *             bench/cache/)  vs  the same SQL in-process (latency)  and  vs  a plain Fastify + DuckDB
 *             peer (throughput, autocannon); endpoints not built yet are listed as pending
 *   dashboard: the dashboard in Chromium on the demo (JavaScript before the first chart, first chart,
 *             redraw, phone profile), against issue 7's absolute targets: a browser has no floor to hold it to
 * Data: OSSERVATORIO_DATA_DIR, else ../shared/datasets beside the checkout, else the demo.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadEtlConfig } from '../../etl/dist/config.js';
import { runLoad } from '../../etl/dist/load.js';
import { silentProgress } from '../../etl/dist/progress.js';
import { readCurrentSnapshotId, stateLayout } from '../../etl/dist/publish/layout.js';
import { loadSourceCatalog } from '../../etl/dist/sources/descriptor.js';
import { resolveSourceFiles } from '../../etl/dist/sources/read-source.js';
import { benchApi } from './api.mjs';
import { benchDashboard, printDashboard } from './dashboard.mjs';
import { printApi } from './api-report.mjs';
import { benchBigFile, printBigFile } from './bigfile.mjs';
import { loadInChildProcess } from './child-load.mjs';
import { NATIONAL_YEARS } from './national-posas.mjs';
import { nationalDataDir, nationalState } from './national-state.mjs';
import { median, timed } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ETL_RUNS = 5;
const NATIONAL_RUNS = 3;


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

async function benchNational(dataDir) {
  const { dir, files } = await nationalDataDir(dataDir);
  try {
    const loads = [];
    for (let i = 0; i < NATIONAL_RUNS; i += 1) {
      const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
      const load = await loadInChildProcess(dir, stateDir);
      if (load.error !== null) throw new Error(`national load failed: ${load.error}`);
      loads.push(load);
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

/** A fresh load of the data folder (the demo without one), and the national-size snapshot from its cache. */
async function apiStates(dataDir) {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
  await runLoad(loadEtlConfig({}, { stateDir, ...(dataDir ? { dataDir } : {}) }), silentProgress);
  const layout = stateLayout(stateDir);
  const states = { real: { stateDir, snapshotFile: layout.snapshotFile(await readCurrentSnapshotId(layout)) } };
  if (dataDir !== null) states.national = await nationalState(dataDir);
  return { states, remove: () => rm(stateDir, { recursive: true, force: true }) };
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
// Not part of `all`: it writes and reads some 6 GB (about a quarter of an hour).
if (which === 'bigfile' && dataDir !== null) {
  console.log('\nBig POSAS files (each loaded in a child process)');
  result.bigfile = await benchBigFile(dataDir);
  printBigFile(result.bigfile);
}
if (which === 'all' || which === 'api') {
  console.log('\nAPI (each server in its own process)');
  const { states, remove } = await apiStates(dataDir);
  try {
    result.api = await benchApi(states);
  } finally {
    await remove();
  }
  printApi(result.api);
}
if (which === 'all' || which === 'dashboard') {
  result.dashboard = await benchDashboard();
  printDashboard(result.dashboard);
}
const resultsDir = path.join(ROOT, 'bench', 'results');
await mkdir(resultsDir, { recursive: true });
const out = path.join(resultsDir, `${result.at.replace(/[:.]/g, '-')}.json`);
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwritten ${path.relative(ROOT, out)}`);
