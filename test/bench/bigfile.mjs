/**
 * `npm run bench -- bigfile`: POSAS files of growing size (0.25 GiB to over 2 GiB), each loaded beside
 * the real data in a child process: wall and CPU time, each per GiB and as a ratio to the smallest size's
 * of the same encoding (CPU time, user + system of the load process, is what shows whether the load is
 * proportional on a shared machine, where wall time is noisy), peak memory of the load, peak size of the
 * state folder (where DuckDB spills), and the error it stops with.
 *
 * A real national POSAS year is about 28 MB, so no valid POSAS file is 2 GB. Each big file is one
 * generated national year (the national bench's, in ISTAT's shape) whose data rows are written again and
 * again: what a wrong concatenation or a download gone round in circles gives. The load must read it all
 * and refuse it at the first repeated row, the first row of the second copy (a line computed here from the
 * generated file), as a duplicate age of its comune. Files are written as UTF-8 and, for the path that
 * transcodes a temporary UTF-8 copy by stream, as windows-1252 (declared so in a copy of datasets/).
 * Sizes: BIGFILE_GIB (e.g. "0.25,0.5,1,2.1"); loads per size: BIGFILE_RUNS (default 1; figures are medians).
 */
import { cp, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWindows1252 } from '../../etl/dist/sources/testing/fixtures.js';
import { loadInChildProcess } from './child-load.mjs';
import { nationalDataDir } from './national-state.mjs';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GIB = 1024 ** 3;
const YEAR = 2024;
const FILE = `population/POSAS_${YEAR}_it_Comuni.csv`;
const SIZES_GIB = (process.env.BIGFILE_GIB ?? '0.25,0.5,1,2.1').split(',').map(Number);
const RUNS = Number(process.env.BIGFILE_RUNS ?? 1);
/** The transcoding path at the smallest size (its baseline) and at the largest. */
const CASES = [
  ...SIZES_GIB.map((gib) => ({ encoding: 'utf-8', gib })),
  ...[SIZES_GIB[0], SIZES_GIB.at(-1)].map((gib) => ({ encoding: 'windows-1252', gib })),
];

export async function benchBigFile(dataDir, log = console.log) {
  const { dir, files } = await nationalDataDir(dataDir, [YEAR]);
  const datasets = await mkdtemp(path.join(tmpdir(), 'osservatorio-bigfile-datasets-'));
  try {
    const year = splitPosas(await readFile(files[0]));
    await rm(files[0]);
    const bodies = { 'utf-8': year.body, 'windows-1252': encodeWindows1252(year.body.toString('utf8')) };
    const heads = { 'utf-8': year.head, 'windows-1252': encodeWindows1252(year.head.toString('utf8')) };
    const datasetsDirs = { 'utf-8': undefined, 'windows-1252': await windows1252Catalogue(datasets) };
    // The first repeated row: the first data row of the second copy.
    const expected = `${FILE}:${year.headLines + year.bodyLines + 1}:${year.ageColumn}:`;
    // Runs interleave the sizes (every size once, then again), so a busy spell of the shared machine
    // falls on all of them rather than on one; each file is written again for its load.
    const target = path.join(dir, FILE);
    const runs = CASES.map(() => ({ loads: [], leftovers: [], writesMs: [] }));
    for (let i = 0; i < RUNS; i += 1) {
      for (const [c, { encoding, gib }] of CASES.entries()) {
        const writeStarted = performance.now();
        await writeRepeated(target, heads[encoding], bodies[encoding], copiesFor(gib, bodies[encoding]), year.note);
        runs[c].writesMs.push(performance.now() - writeStarted);
        const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-bench-'));
        const load = await loadInChildProcess(dir, stateDir, { datasetsDir: datasetsDirs[encoding], watchState: true });
        runs[c].loads.push(load);
        runs[c].leftovers.push(...(await readdir(stateDir, { recursive: true })).filter((f) => f.startsWith('staging/')));
        await rm(stateDir, { recursive: true, force: true });
        await rm(target);
        log(`  run ${i + 1}: ${encoding} ${gib} GiB: ${Math.round(load.ms)} ms (CPU ${Math.round(load.cpuMs)} ms), peak RSS ${(load.maxRssKb / 1024).toFixed(0)} MB`);
      }
    }
    const results = CASES.map(({ encoding, gib }, c) => {
      const { loads, leftovers, writesMs } = runs[c];
      const copies = copiesFor(gib, bodies[encoding]);
      const bytes = heads[encoding].length + bodies[encoding].length * copies + year.note.length;
      const ms = median(loads.map((l) => l.ms));
      const cpuMs = median(loads.map((l) => l.cpuMs));
      return {
        encoding,
        bytes,
        copies,
        rows: copies * year.bodyLines,
        writeMs: Math.round(median(writesMs)),
        loadsMs: loads.map((l) => Math.round(l.ms)),
        ms,
        msPerGib: ms / (bytes / GIB),
        cpuLoadsMs: loads.map((l) => Math.round(l.cpuMs)),
        cpuMs,
        cpuMsPerGib: cpuMs / (bytes / GIB),
        peakRssMb: Math.max(...loads.map((l) => l.maxRssKb)) / 1024,
        peakStateMb: Math.max(...loads.map((l) => l.peakStateBytes)) / 1024 ** 2,
        firstError: loads[0].error?.split('\n')[1]?.replace(/^- /, '') ?? loads[0].error,
        errorHead: loads[0].error?.split('\n')[0] ?? null,
        // The refusal must be the same on every run, at the first repeated row.
        refusedAtFirstRepeat: loads.every((l) => l.error !== null && l.error.split('\n')[1]?.startsWith(`- ${expected}`) && l.error.split('\n')[1].endsWith('[duplicate-key]')),
        leftovers,
      };
    });
    for (const r of results) {
      const smallest = results.find((other) => other.encoding === r.encoding);
      r.ratioToSmallest = r.msPerGib / smallest.msPerGib;
      r.cpuRatioToSmallest = r.cpuMsPerGib / smallest.cpuMsPerGib;
    }
    return { year: YEAR, yearBytes: year.body.length, yearRows: year.bodyLines, expected, runs: RUNS, cases: results };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(datasets, { recursive: true, force: true });
  }
}

export function printBigFile(b) {
  console.log(`\nBig POSAS files: one national year (${b.yearRows.toLocaleString('en')} rows, ${(b.yearBytes / 1024 ** 2).toFixed(1)} MB) written again and again, loaded beside the real data (median of ${b.runs})`);
  console.log(`  expected refusal at ${b.expected} … [duplicate-key]`);
  console.log('  (×smallest: time per GiB against the smallest size of the same encoding)');
  console.log('  encoding      size (bytes)      rows         wall (runs, ms)   wall s/GiB  ×smallest          CPU (runs, ms)  CPU s/GiB  ×smallest  peak RSS  peak state  refused at 1st repeat  left in staging');
  for (const r of b.cases) {
    console.log(
      `  ${r.encoding.padEnd(12)}  ${r.bytes.toLocaleString('en').padStart(14)}  ${r.rows.toLocaleString('en').padStart(11)}  ${r.loadsMs.join(', ').padStart(20)}  ${(r.msPerGib / 1000).toFixed(1).padStart(10)}  ${r.ratioToSmallest.toFixed(2).padStart(8)}×  ${r.cpuLoadsMs.join(', ').padStart(22)}  ${(r.cpuMsPerGib / 1000).toFixed(1).padStart(9)}  ${r.cpuRatioToSmallest.toFixed(2).padStart(8)}×  ${r.peakRssMb.toFixed(0).padStart(5)} MB  ${r.peakStateMb.toFixed(0).padStart(6)} MB  ${String(r.refusedAtFirstRepeat).padEnd(21)}  ${r.leftovers.length === 0 ? 'nothing' : r.leftovers.join(' ')}`,
    );
  }
  const last = b.cases.at(-1);
  console.log(`  message (${last.encoding}, ${(last.bytes / GIB).toFixed(2)} GiB): ${last.errorHead}`);
  console.log(`    ${last.firstError}`);
}

/** ISTAT's shape: a title line and the header, the data rows, a closing note line. */
function splitPosas(bytes) {
  const afterHeader = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
  const noteStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  const head = bytes.subarray(0, afterHeader);
  const body = bytes.subarray(afterHeader, noteStart);
  const header = head.toString('utf8').split('\n')[1].split(';');
  return {
    head,
    body,
    note: bytes.subarray(noteStart),
    headLines: 2,
    bodyLines: body.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0),
    ageColumn: header.indexOf('"Età"') + 1,
  };
}

/** Copies of a year's rows that make a file of about `gib` GiB (two at least: the refusal is at the second). */
function copiesFor(gib, body) {
  return Math.max(2, Math.ceil((gib * GIB) / body.length));
}

/** Writes big repeated buffers: the file is never held whole. */
async function writeRepeated(file, head, body, copies, note) {
  const handle = await open(file, 'w');
  try {
    await handle.write(head);
    for (let i = 0; i < copies; i += 1) await handle.write(body);
    await handle.write(note);
  } finally {
    await handle.close();
  }
}

/** A copy of datasets/ in which ISTAT POSAS is declared windows-1252, as a user of such a file would. */
async function windows1252Catalogue(folder) {
  await cp(path.join(ROOT, 'datasets'), folder, { recursive: true });
  const sources = path.join(folder, 'sources.yaml');
  const text = await readFile(sources, 'utf8');
  const utf8 = "file: population/POSAS_*_it_Comuni.csv\n    format: csv\n    layout: istat_age_sex\n    parse: { delimiter: ';', encoding: utf-8,";
  if (!text.includes(utf8)) throw new Error('datasets/sources.yaml: the istat_posas parse line has changed; update test/bench/bigfile.mjs');
  await writeFile(sources, text.replace(utf8, utf8.replace('utf-8', 'windows-1252')));
  return folder;
}
