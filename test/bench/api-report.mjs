/** Prints the result of benchApi (api.mjs) as tables, with the ratios of the same run and their spread. */
import { API_SETTINGS } from './api.mjs';

const ms = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(2)} ms`);
const times = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(2)}×`);
const cpu = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
const spread = (xs) => {
  const known = xs.filter((x) => x !== null);
  return known.length === 0 ? '' : `runs ${Math.min(...known).toFixed(2)}–${Math.max(...known).toFixed(2)}×`;
};

export function printApi(api) {
  const s = API_SETTINGS;
  console.log(`\nLatency over HTTP against the same SQL in-process (median of ${s.latencyRuns} runs of ${s.requests} sequential requests after ${s.warmup} warm-up)`);
  console.log('  target: HTTP ≤ 1.5× the floor at p50 for a provincia');
  console.log(`  ${'case'.padEnd(44)} ${'HTTP p50'.padEnd(11)} ${'floor p50'.padEnd(11)} ${'ratio'.padEnd(7)} ${'HTTP p95'.padEnd(11)} ${'floor p95'.padEnd(11)} ${'ratio'.padEnd(7)} noise`);
  for (const l of api.latency) {
    console.log(`  ${l.id.padEnd(44)} ${ms(l.http.p50).padEnd(11)} ${ms(Math.min(l.floor.p50, l.floorPrepared.p50)).padEnd(11)} ${times(l.overheadP50).padEnd(7)} ${ms(l.http.p95).padEnd(11)} ${ms(Math.min(l.floor.p95, l.floorPrepared.p95)).padEnd(11)} ${times(l.overheadP95).padEnd(7)} ${spread(l.overheadP50Runs)}`);
  }
  console.log('  floor = every query the service runs for the answer, run in-process with its rows read into JS, the faster of sent each time and prepared once, each run taken in turn with a request:');
  for (const l of api.latency) {
    console.log(`    ${l.id.padEnd(52)} ${l.queries.floor.join(' + ')}: p50 sent ${ms(l.floor.p50)}, prepared ${ms(l.floorPrepared.p50)} (back to back, not in the ratio: ${ms(l.floorBackToBack?.p50)})`);
  }
  if ((api.bareServer ?? []).length > 0) {
    console.log('\n  The same ratio for a plain Fastify + DuckDB server (the peer: no framework, schema, security headers or ETag), its HTTP p50 against its own query in-process, in the same run:');
    console.log(`  ${'case'.padEnd(44)} ${'server'.padEnd(7)} ${'HTTP p50'.padEnd(11)} ${'SQL p50'.padEnd(11)} ${'ratio'.padEnd(7)} ${'added'.padEnd(9)} noise`);
    for (const b of api.bareServer) {
      for (const [name, side] of [['API', b.api], ['peer', b.peer]]) {
        console.log(`  ${(name === 'API' ? b.id : '').padEnd(44)} ${name.padEnd(7)} ${ms(side.httpP50).padEnd(11)} ${ms(side.sqlP50).padEnd(11)} ${times(side.ratio).padEnd(7)} ${ms(side.overheadMs).padEnd(9)} ${spread(side.ratioRuns)}`);
      }
    }
    console.log("  (the API here is the office's, as the peer answers without suppression; added = HTTP p50 − SQL p50)");
  }
  const n = api.nationalProfile;
  if (n) console.log(`\nNational profile (${n.id}): HTTP p50 ${ms(n.p50)}; target ${n.target}: ${n.met ? 'met' : 'MISSED'}`);

  console.log(`\nThroughput, API against a plain Fastify + DuckDB peer (autocannon, 127.0.0.1, ${s.durationS} s each, median of ${s.throughputRounds} rounds)`);
  console.log('  target: API ≥ 1.0× the peer; CPU ms/req: CPU time of the server process (all threads) per answer (in brackets: on the JavaScript thread), less moved by the shared machine than req/s');
  console.log(`  ${'case'.padEnd(44)} ${'conns'.padEnd(6)} ${'API req/s'.padEnd(10)} ${'peer req/s'.padEnd(11)} ${'ratio'.padEnd(7)} ${'API p50'.padEnd(8)} ${'peer p50'.padEnd(9)} ${'CPU ms/req API'.padEnd(15)} ${'peer'.padEnd(14)} noise`);
  for (const t of api.throughput) {
    for (const b of t.byConnections) {
      console.log(`  ${t.id.padEnd(44)} ${String(b.connections).padEnd(6)} ${b.apiRps.toFixed(0).padEnd(10)} ${b.peerRps.toFixed(0).padEnd(11)} ${times(b.ratio).padEnd(7)} ${`${b.apiLatencyP50} ms`.padEnd(8)} ${`${b.peerLatencyP50} ms`.padEnd(9)} ${`${cpu(b.apiCpuMsPerRequest)} (${cpu(b.apiMainThreadCpuMsPerRequest)} JS)`.padEnd(15)} ${`${cpu(b.peerCpuMsPerRequest)} (${cpu(b.peerMainThreadCpuMsPerRequest)} JS)`.padEnd(14)} ${spread(b.ratioRuns)}`);
    }
  }

  for (const e of api.exports ?? []) {
    console.log(`\nExport, Arrow against JSON, end to end (median of ${s.exportRuns} interleaved runs; ${e.rows.toLocaleString('en')} rows${e.enoughRows ? '' : ': FEWER THAN THE 1M ASKED'})`);
    console.log(`  target: ${e.target}`);
    console.log(`  Arrow ${ms(e.arrowMs)} (${(e.arrowBytes / 1e6).toFixed(0)} MB), JSON ${ms(e.jsonMs)} (${(e.jsonBytes / 1e6).toFixed(0)} MB): Arrow ${times(e.ratio)} faster  ${spread(e.ratioRuns)}`);
  }

  if (api.pending.length > 0) {
    console.log('\nNot measured');
    for (const p of api.pending) console.log(`  ${p.id}${p.target ? ` (target: ${p.target})` : ''}: ${p.why}`);
  }
}
