#!/usr/bin/env node
/**
 * The API's peer for `npm run bench -- api`: a plain Fastify (the version @nestjs/platform-fastify brings)
 * and @duckdb/node-api server answering the question of GET /api/indicators/{code}/values?level&parent&year
 * (the territories of a level inside a parent with numerator, denominator and value, and the parent as
 * benchmark) from the same snapshot file, as one would write it by hand: one prepared query per
 * connection, parameters bound, rows out as JSON. Run as `node api-peer.mjs <snapshot.duckdb>`; it listens
 * on a free port of 127.0.0.1 and prints `{"port":N}` on a line once ready.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { INTEGER, VARCHAR, DuckDBInstance } from '@duckdb/node-api';

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
    return { rows: rows.filter((r) => !r.is_benchmark), benchmark: rows.find((r) => r.is_benchmark) ?? null };
  } finally {
    giveBack(held);
  }
});
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
