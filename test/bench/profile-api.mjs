#!/usr/bin/env node
/**
 * Where the API spends its time under load: starts `node backend/dist/main.js` with --cpu-prof on a state
 * folder, loads one path with autocannon (8 connections), stops the API so that it writes its profile, and
 * prints the functions and packages with the most self time.
 *   node test/bench/profile-api.mjs <stateDir> [path] [seconds]
 * The .cpuprofile is kept under bench/results/ (open it in Chrome DevTools or speedscope).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startApi } from './servers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const [stateDir, requestPath = '/api/indicators/DEM_U12/values?level=comune&parent=018&year=2021', seconds = '12'] = process.argv.slice(2);
if (!stateDir) throw new Error('usage: profile-api.mjs <stateDir> [path] [seconds]');

const dir = path.join(ROOT, 'bench', 'results', `profile-${new Date().toISOString().replace(/[:.]/g, '-')}`);
await mkdir(dir, { recursive: true });
const exitHook = path.join(dir, 'exit-on-signal.mjs');
// --cpu-prof writes the profile on a normal exit only; Nest's shutdown hooks re-raise SIGTERM, so exit here first.
await writeFile(exitHook, "process.prependOnceListener('SIGTERM', () => process.exit(0));\n");
const api = await startApi(path.resolve(stateDir), { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', exitHook] });
const result = await autocannon({ url: api.url + requestPath, connections: Number(process.env.PROFILE_CONNECTIONS ?? 8), duration: Number(seconds) });
await api.stop();
console.log(`${requestPath}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ${result.non2xx} non-2xx`);

const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
const selfUs = new Map(profile.nodes.map((n) => [n.id, 0]));
for (let i = 0; i < profile.samples.length; i += 1) selfUs.set(profile.samples[i], selfUs.get(profile.samples[i]) + (profile.timeDeltas[i] ?? 0));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byPackage = new Map();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(ROOT, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + selfUs.get(node.id));
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('backend/') ? 'backend (ours)' : where === '' ? functionName || '(native)' : 'node internals');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + selfUs.get(node.id));
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
console.log(`\nself time by package (${(total / 1e6).toFixed(1)} s sampled)\n${top(byPackage, 15).join('\n')}`);
console.log(`\nself time by function\n${top(byFunction, 30).join('\n')}`);
console.log(`\nprofile: ${path.relative(ROOT, path.join(dir, file))}`);
