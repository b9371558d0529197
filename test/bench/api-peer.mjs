#!/usr/bin/env node
/**
 * The API's peer for `npm run bench -- api`: a plain Fastify (the version @nestjs/platform-fastify brings)
 * and @duckdb/node-api server answering the question of GET /api/indicators/{code}/values?level&parent&year
 * (the territories of a level inside a parent with numerator, denominator, value, 95% and 99.8%
 * intervals, the comparison with the parent as benchmark and the small-number flag) from the same snapshot
 * file, as one would write it by hand: one prepared query per connection, parameters bound, the intervals
 * and comparison by the same statistics functions the API uses (the office's answer: no suppression),
 * rows out as JSON. Run as `node api-peer.mjs <snapshot.duckdb>`; it listens
 * on a free port of 127.0.0.1 and prints `{"port":N}` on a line once ready.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { INTEGER, VARCHAR, DuckDBInstance } from '@duckdb/node-api';
import { compareWithBenchmark, confidenceInterval } from '../../backend/dist/statistics/index.js';

const require = createRequire(createRequire(import.meta.url).resolve('@nestjs/platform-fastify'));
const Fastify = require('fastify');

const SQL = readFileSync(new URL('sql/peer-values.sql', import.meta.url), 'utf8');
const LEVELS = new Set(['comune', 'ambito', 'provincia', 'regione']);
const MAX_CONNECTIONS = 8;

const snapshotFile = process.argv[2];
if (!snapshotFile) throw new Error('usage: api-peer.mjs <snapshot.duckdb>');
const instance = await DuckDBInstance.create(snapshotFile, { access_mode: 'READ_ONLY' });

/** Up to 8 connections, each with the query prepared on it once; a request holds one for its query, or waits. */
const idle = [];
const waiting = [];
let opened = 0;
async function lease() {
  if (idle.length > 0) return idle.pop();
  if (opened >= MAX_CONNECTIONS) return new Promise((resolve) => waiting.push(resolve));
  opened += 1;
  const connection = await instance.connect();
  return { connection, statement: await connection.prepare(SQL) };
}
function giveBack(held) {
  const next = waiting.shift();
  if (next) next(held);
  else idle.push(held);
}
idle.push(await lease());

const app = Fastify({ logger: false });
app.get('/api/indicators/:code/values', async (request, reply) => {
  const { level = 'comune', parent, year } = request.query;
  if (!LEVELS.has(level) || typeof parent !== 'string' || !/^\d{4}$/.test(year ?? '')) {
    return reply.code(400).send({ message: 'level, parent and year (four digits) are required' });
  }
  const held = await lease();
  try {
    held.statement.bind({ code: request.params.code, level, parent, year: Number(year) }, { code: VARCHAR, level: VARCHAR, parent: VARCHAR, year: INTEGER });
    const rows = (await held.statement.runAndReadAll()).getRowObjectsJS();
    const benchmark = rows.find((r) => r.is_benchmark) ?? null;
    return { rows: rows.filter((r) => !r.is_benchmark).map((r) => answerRow(r, benchmark)), benchmark: benchmark && answerRow(benchmark, null) };
  } finally {
    giveBack(held);
  }
});
function interval(r, level) {
  if (r.value === null || r.numerator === null) return null;
  const { interval: i } = confidenceInterval({ method: r.ci_method, numerator: r.numerator, denominator: r.denominator, multiplier: r.multiplier, level });
  return i && { lower: i.lower, upper: i.upper };
}

function answerRow(r, benchmark) {
  const ci95 = interval(r, 0.95);
  const comparison = benchmark === null ? 'not_compared' : compareWithBenchmark({ value: r.value, interval: ci95, benchmark: benchmark.value, polarity: r.polarity, sameTerritory: false });
  return {
    code: r.code,
    name: r.name,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    ci95,
    ci998: interval(r, 0.998),
    comparison,
    smallNumber: !r.plain_count && r.denominator !== null && r.comuni_with_data > 0 && r.denominator < r.min_denominator,
    synthetic: r.synthetic,
    comuniWithData: r.comuni_with_data,
    comuniTotal: r.comuni_total,
  };
}

await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: app.server.address().port }));

const stop = async () => {
  await app.close();
  for (const held of idle.splice(0)) held.connection.closeSync();
  instance.closeSync();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
