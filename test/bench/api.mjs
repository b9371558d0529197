/**
 * `npm run bench -- api`: the API, run as its own process (`node backend/dist/main.js`), against
 *   - the floor: the same queries run in-process on DuckDB on the same snapshot file (latency, p50/p95);
 *   - the peer: a plain Fastify + DuckDB server answering the same question (throughput, autocannon at
 *     8 and 32 connections).
 * Every figure is the median of several runs, interleaved so that drift in the shared machine's load hits
 * both sides alike; the runs themselves are kept in the result to show the noise.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BOOLEAN, DuckDBInstance, DOUBLE, INTEGER, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { loadSql } from '../../backend/dist/core/sql.js';
import { EXPORT_CASE, LATENCY_CASES, NATIONAL_PROFILE, PENDING_MEASURES, THROUGHPUT_CASES } from './api-cases.mjs';
import { startApi, startPeer } from './servers.mjs';
import { cpuMsOf, load1, median, quantile, ratio, timed } from './stats.mjs';

const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
export const API_SETTINGS = {
  latencyRuns: env('BENCH_LATENCY_RUNS', 3),
  requests: env('BENCH_REQUESTS', 200),
  warmup: env('BENCH_WARMUP', 30),
  throughputRounds: env('BENCH_ROUNDS', 3),
  durationS: env('BENCH_DURATION_S', 10),
  connections: [8, 32],
  exportRuns: env('BENCH_EXPORT_RUNS', 5),
};

/** `states`: { real: { stateDir, snapshotFile }, national?: { stateDir, snapshotFile } }. */
export async function benchApi(states, log = console.log) {
  const s = API_SETTINGS;
  // BENCH_CASES=text: only the cases whose id contains it (to look again at one measure).
  const only = (c) => !process.env.BENCH_CASES || c.id.includes(process.env.BENCH_CASES);
  const result = { settings: s, latency: [], throughput: [], bareServer: [], exports: [], pending: [] };
  for (const snapshot of Object.keys(states)) {
    const cases = LATENCY_CASES.filter((c) => c.snapshot === snapshot && !c.pending && only(c));
    const loads = THROUGHPUT_CASES.filter((c) => c.snapshot === snapshot && !c.pending && only(c));
    const exported = EXPORT_CASE.snapshot === snapshot && only(EXPORT_CASE);
    if (cases.length === 0 && loads.length === 0 && !exported) continue;
    const api = await startApi(states[snapshot].stateDir);
    const floor = await openFloor(states[snapshot].snapshotFile);
    try {
      for (const c of cases) {
        log(`  latency: ${c.id}`);
        const queries = typeof c.floor === 'function' ? c.floor(JSON.parse(await get(api.url + c.path))) : c.floor;
        const missing = queries.find((q) => !existsSync(fileURLToPath(new URL(`sql/${q.file}`, q.module))));
        if (missing) result.pending.push({ id: c.id, why: `the floor query ${missing.file} is not in this build: point the case at the queries the endpoint runs now (api-cases.mjs)` });
        else result.latency.push(await latencyOf(api, floor, { ...c, floor: queries }));
      }
      if (exported) {
        log(`  export: ${EXPORT_CASE.id}`);
        result.exports.push(await exportOf(api, EXPORT_CASE));
      }
      if (loads.length > 0) {
        // The peer does no disclosure control, so its question is the office's (every count shown): ask the API that one.
        const office = await startApi(states[snapshot].stateDir, { env: { OSSERVATORIO_AUDIENCE: 'office' } });
        const peer = await startPeer(states[snapshot].snapshotFile);
        try {
          for (const c of loads) {
            log(`  throughput: ${c.id}`);
            const differs = await differentAnswer(office, peer, c);
            if (differs) {
              result.pending.push({ id: `throughput: ${c.id}`, why: differs });
              continue;
            }
            result.throughput.push(await throughputOf(office, peer, c, log));
            log(`  latency against the peer: ${c.id}`);
            result.bareServer.push(await bareServerOf(office, peer, floor, c));
          }
        } finally {
          await peer.stop();
          await office.stop();
        }
      }
    } finally {
      floor.close();
      await api.stop();
    }
  }
  for (const c of LATENCY_CASES.filter((c) => c.pending || !states[c.snapshot])) {
    result.pending.push({ id: c.id, why: c.pending ?? `no ${c.snapshot} snapshot (no data folder)` });
  }
  for (const m of PENDING_MEASURES) result.pending.push({ id: m.id, target: m.target, why: m.pending });
  if (!states[EXPORT_CASE.snapshot]) result.pending.push({ id: EXPORT_CASE.id, target: EXPORT_CASE.target, why: `no ${EXPORT_CASE.snapshot} snapshot (no data folder)` });
  const national = result.latency.find((l) => l.id === NATIONAL_PROFILE.id);
  result.nationalProfile = national ? { ...NATIONAL_PROFILE, p50: national.http.p50, met: national.http.p50 <= NATIONAL_PROFILE.limitMs } : null;
  return result;
}

async function latencyOf(api, floor, c) {
  const s = API_SETTINGS;
  const runs = [];
  for (let run = 0; run < s.latencyRuns; run += 1) {
    const loadBefore = load1();
    const { http: httpMs, floor: floorMs, floorPrepared } = await sampleInterleaved([
      ['http', () => get(api.url + c.path)],
      ['floor', () => floor.run(c.floor)],
      ['http', () => get(api.url + c.path)],
      ['floorPrepared', () => floor.runPrepared(c.floor)],
    ]);
    // For comparison with earlier reports only: the floor's queries one straight after another, a pace no server sees.
    const floorBackToBack = await sample(() => floor.runPrepared(c.floor));
    runs.push({ http: httpMs, floor: floorMs, floorPrepared, floorBackToBack, load1: [loadBefore, load1()] });
  }
  const med = (key, q) => median(runs.map((r) => r[key][q]));
  const summary = (key) => ({ p50: med(key, 'p50'), p95: med(key, 'p95') });
  return {
    id: c.id,
    snapshot: c.snapshot,
    request: c.path,
    queries: { floor: c.floor.map((q) => q.file) },
    http: summary('http'),
    floor: summary('floor'),
    floorPrepared: summary('floorPrepared'),
    floorBackToBack: summary('floorBackToBack'),
    // Against the faster way of running the floor in-process: as sent each time, or prepared once.
    overheadP50: ratio(med('http', 'p50'), Math.min(med('floor', 'p50'), med('floorPrepared', 'p50'))),
    overheadP95: ratio(med('http', 'p95'), Math.min(med('floor', 'p95'), med('floorPrepared', 'p95'))),
    overheadP50Runs: runs.map((r) => ratio(r.http.p50, Math.min(r.floor.p50, r.floorPrepared.p50))),
    runs,
  };
}

/**
 * What a server adds to its query, for the API and for the plain Fastify peer in the same run: each one's
 * HTTP p50 against its own SQL run in-process (the API's floor; the peer's one prepared query), requests and
 * queries taken in turn. The peer has no framework, parameter schema, security headers, ETag or lookups:
 * what it adds is the reference for what the latency target leaves the API.
 */
async function bareServerOf(office, peer, floor, c) {
  const ours = typeof c.floor === 'function' ? c.floor(JSON.parse(await get(office.url + c.path))) : c.floor;
  const runs = [];
  for (let run = 0; run < API_SETTINGS.latencyRuns; run += 1) {
    runs.push(await sampleInterleaved([
      ['api', () => get(office.url + c.path)],
      ['apiFloor', () => floor.runPrepared(ours)],
      ['peer', () => get(peer.url + c.peerPath)],
      ['peerFloor', () => floor.runPrepared(c.peerFloor)],
    ]));
  }
  const med = (key) => median(runs.map((r) => r[key].p50));
  const side = (http, sql) => ({ httpP50: med(http), sqlP50: med(sql), overheadMs: med(http) - med(sql), ratio: ratio(med(http), med(sql)), ratioRuns: runs.map((r) => ratio(r[http].p50, r[sql].p50)) });
  return { id: c.id, snapshot: c.snapshot, request: c.path, api: side('api', 'apiFloor'), peer: side('peer', 'peerFloor') };
}

/** The export in each format, end to end: request sent to last byte read, runs interleaved; rows counted from the JSON (one a line). */
async function exportOf(api, c) {
  const runs = [];
  const rows = (await getBytes(api.url + c.path('json'))).lines - 1;
  await getBytes(api.url + c.path('arrow'));
  for (let run = 0; run < API_SETTINGS.exportRuns; run += 1) {
    const order = run % 2 === 0 ? ['arrow', 'json'] : ['json', 'arrow'];
    const measured = {};
    for (const format of order) {
      let bytes = 0;
      measured[format] = { ms: await timed(async () => (bytes = (await getBytes(api.url + c.path(format))).bytes)) };
      measured[format].bytes = bytes;
    }
    runs.push({ ...measured, ratio: ratio(measured.json.ms, measured.arrow.ms) });
  }
  const arrowMs = median(runs.map((r) => r.arrow.ms));
  const jsonMs = median(runs.map((r) => r.json.ms));
  return { id: c.id, target: c.target, request: c.path('arrow'), rows, enoughRows: rows >= c.minRows, arrowMs, jsonMs, arrowBytes: runs[0].arrow.bytes, jsonBytes: runs[0].json.bytes, ratio: ratio(jsonMs, arrowMs), ratioRuns: runs.map((r) => r.ratio), runs };
}

/**
 * A request, then one run of the floor's queries, in turn (`steps` in this order, repeated): each run of
 * the floor comes after other work, as each query of a server does (after the last answer's serialisation
 * and the wire). Run back to back, the same queries are 0.6–1 ms faster on this machine (caches warm,
 * DuckDB's threads awake), which no server can be. Taken in turn, both also see the same moments of the
 * shared machine's load.
 */
async function sampleInterleaved(steps) {
  const s = API_SETTINGS;
  const ms = {};
  for (let i = 0; i < s.warmup + s.requests; i += 1) {
    for (const [key, fn] of steps) {
      const t = await timed(fn);
      if (i >= s.warmup) (ms[key] ??= []).push(t);
    }
  }
  return Object.fromEntries(Object.entries(ms).map(([key, xs]) => [key, { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) }]));
}

async function sample(fn) {
  const s = API_SETTINGS;
  const ms = [];
  for (let i = 0; i < s.warmup + s.requests; i += 1) {
    const t = await timed(fn);
    if (i >= s.warmup) ms.push(t);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

async function throughputOf(api, peer, c, log) {
  const s = API_SETTINGS;
  for (const server of [api, peer]) await hammer(server, server === api ? c.path : c.peerPath, 8, 2); // warm both
  const byConnections = [];
  for (const connections of s.connections) {
    const rounds = [];
    for (let round = 0; round < s.throughputRounds; round += 1) {
      // Alternate which goes first, so that a change in the machine's load does not always favour one.
      const order = round % 2 === 0 ? [api, peer] : [peer, api];
      const measured = {};
      for (const server of order) measured[server.name] = await hammer(server, server === api ? c.path : c.peerPath, connections, s.durationS);
      rounds.push({ api: measured.API, peer: measured.peer, ratio: ratio(measured.API.rps, measured.peer.rps) });
      const cpu = (m) => (m.cpuMsPerRequest === null ? '' : `, ${m.cpuMsPerRequest.toFixed(1)} CPU ms/req (${m.mainThreadCpuMsPerRequest.toFixed(1)} on the JS thread)`);
      log(`    ${connections} connections, round ${round + 1}: API ${measured.API.rps.toFixed(0)} req/s${cpu(measured.API)}, peer ${measured.peer.rps.toFixed(0)} req/s${cpu(measured.peer)} (load ${measured.API.load1})`);
    }
    const api50 = median(rounds.map((r) => r.api.rps));
    const peer50 = median(rounds.map((r) => r.peer.rps));
    byConnections.push({
      connections,
      apiRps: api50,
      peerRps: peer50,
      ratio: ratio(api50, peer50),
      ratioRuns: rounds.map((r) => r.ratio),
      apiCpuMsPerRequest: medianOrNull(rounds.map((r) => r.api.cpuMsPerRequest)),
      peerCpuMsPerRequest: medianOrNull(rounds.map((r) => r.peer.cpuMsPerRequest)),
      apiMainThreadCpuMsPerRequest: medianOrNull(rounds.map((r) => r.api.mainThreadCpuMsPerRequest)),
      peerMainThreadCpuMsPerRequest: medianOrNull(rounds.map((r) => r.peer.mainThreadCpuMsPerRequest)),
      apiLatencyP50: median(rounds.map((r) => r.api.p50)),
      peerLatencyP50: median(rounds.map((r) => r.peer.p50)),
      rounds,
    });
  }
  return { id: c.id, snapshot: c.snapshot, request: c.path, durationS: s.durationS, byConnections };
}

async function hammer(server, path, connections, durationS) {
  const load = load1();
  const cpuBefore = cpuMsOf(server.pid);
  const jsBefore = cpuMsOf(server.pid, { mainThread: true });
  const r = await autocannon({ url: server.url + path, connections, duration: durationS });
  const cpuAfter = cpuMsOf(server.pid);
  const jsAfter = cpuMsOf(server.pid, { mainThread: true });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${server.name} ${path}: ${r.errors} errors, ${r.non2xx} answers other than 2xx under load`);
  const perRequest = (before, after) => (before === null || after === null || r.requests.total === 0 ? null : (after - before) / r.requests.total);
  const cpuMsPerRequest = perRequest(cpuBefore, cpuAfter);
  const mainThreadCpuMsPerRequest = perRequest(jsBefore, jsAfter);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bytesPerS: r.throughput.average, cpuMsPerRequest, mainThreadCpuMsPerRequest, load1: load };
}

function medianOrNull(xs) {
  return xs.some((x) => x === null) ? null : median(xs);
}

/** The peer must answer the question the API answers (the same rows and benchmark, every field the peer gives, to the last digit), else why not. */
async function differentAnswer(api, peer, c) {
  const ours = JSON.parse(await get(api.url + c.path));
  const theirs = JSON.parse(await get(peer.url + c.peerPath));
  const digits = (v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);
  const bounds = (b) => (b ? [digits(b.lower), digits(b.upper)].join('~') : b);
  const shape = (r) => r && [r.code, r.numerator, r.denominator, digits(r.value), bounds(r.ci95), bounds(r.ci998), r.comparison, r.smallNumber, r.synthetic, r.comuniWithData, r.comuniTotal].join('|');
  const a = [...(ours.rows ?? []).map(shape), shape(ours.benchmark)];
  const b = [...theirs.rows.map(shape), shape(theirs.benchmark)];
  const at = a.findIndex((x, i) => x !== b[i]);
  if (a.length === b.length && at === -1) return null;
  return `the peer's answer differs from the API's (${a.length} vs ${b.length} rows; first difference: ${a[at]} vs ${b[at]}): bring api-peer.mjs up to the endpoint's answer`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** The whole body read and dropped, as a client saving the file would; answers its length in bytes and in newlines. */
function getBytes(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        let bytes = 0;
        let lines = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
        });
        response.on('end', () => (response.statusCode === 200 ? resolve({ bytes, lines }) : reject(new Error(`${url} answered ${response.statusCode}`))));
      })
      .on('error', reject);
  });
}
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
          else resolve(Buffer.concat(chunks).toString('utf8'));
        });
      })
      .on('error', reject);
  });
}

/** The floor: the SQL files the API runs, on the same snapshot file, in this process, rows read into JS. */
async function openFloor(snapshotFile) {
  const instance = await DuckDBInstance.create(snapshotFile, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const texts = new Map();
  const prepared = new Map();
  const textOf = (q) => {
    const key = `${q.module}#${q.file}`;
    if (!texts.has(key)) texts.set(key, loadSql(q.module, q.file));
    return texts.get(key);
  };
  return {
    async run(queries) {
      for (const q of queries) (await connection.runAndReadAll(textOf(q), valuesOf(q.params), typesOf(q.params))).getRowObjectsJS();
    },
    async runPrepared(queries) {
      for (const q of queries) {
        const key = `${q.module}#${q.file}`;
        if (!prepared.has(key)) prepared.set(key, await connection.prepare(textOf(q)));
        const statement = prepared.get(key);
        statement.clearBindings();
        statement.bind(valuesOf(q.params), typesOf(q.params));
        (await statement.runAndReadAll()).getRowObjectsJS();
      }
    },
    close() {
      for (const statement of prepared.values()) statement.destroySync();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

// As the API's snapshot pool binds them (core/prepared-connection.ts): integers as INTEGER, other numbers
// DOUBLE, booleans BOOLEAN, lists as LIST of those (of VARCHAR when empty), the rest (and null) VARCHAR.
function typeOf(v) {
  if (Array.isArray(v)) return LIST(v.length > 0 && v.every((x) => typeof x === 'number') ? (v.every(Number.isInteger) ? INTEGER : DOUBLE) : VARCHAR);
  if (typeof v === 'number') return Number.isInteger(v) ? INTEGER : DOUBLE;
  return typeof v === 'boolean' ? BOOLEAN : VARCHAR;
}
function typesOf(params) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeOf(v)]));
}
function valuesOf(params) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? listValue(v) : v]));
}
