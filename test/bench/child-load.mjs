/**
 * One load in its own process, as `npm run etl -- load` runs it: wall time, CPU time (user + system of
 * every thread, Node's and DuckDB's, during the load: less moved than wall time by other work on a shared
 * machine), peak resident memory (the process's maxRSS: Node and DuckDB together), the error that stopped
 * it, if any, and with `watchState` the
 * peak size of the state folder while it ran (the staged database and DuckDB's spill files; it is polled
 * twice a second, so only benches that report it pay for the polling).
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLL_MS = 500;

/** `datasetsDir`: another catalogue folder than the project's (e.g. one declaring another encoding). */
export async function loadInChildProcess(dataDir, stateDir, { datasetsDir, watchState = false } = {}) {
  const script = `
    const { loadEtlConfig } = await import(${JSON.stringify(path.join(ROOT, 'etl/dist/config.js'))});
    const { runLoad } = await import(${JSON.stringify(path.join(ROOT, 'etl/dist/load.js'))});
    const { silentProgress } = await import(${JSON.stringify(path.join(ROOT, 'etl/dist/progress.js'))});
    const config = loadEtlConfig(process.env, { dataDir: ${JSON.stringify(dataDir)}, stateDir: ${JSON.stringify(stateDir)} });
    const cpuMs = () => { const { userCPUTime, systemCPUTime } = process.resourceUsage(); return (userCPUTime + systemCPUTime) / 1000; };
    const started = performance.now();
    const cpuStarted = cpuMs();
    let error = null;
    try {
      await runLoad(${datasetsDir ? `{ ...config, datasetsDir: ${JSON.stringify(datasetsDir)} }` : 'config'}, silentProgress);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: cpuMs() - cpuStarted, maxRssKb: process.resourceUsage().maxRSS, error }));`;
  let peakStateBytes = watchState ? 0 : null;
  let polling = Promise.resolve();
  const poll = watchState && setInterval(() => {
    polling = polling.then(async () => {
      peakStateBytes = Math.max(peakStateBytes, await folderBytes(stateDir));
    });
  }, POLL_MS);
  try {
    const result = await new Promise((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`load process failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
      });
    });
    return { ...result, peakStateBytes };
  } finally {
    if (poll) clearInterval(poll);
    await polling;
  }
}

/** Bytes of the files under a folder (0 while it does not exist); files removed meanwhile are skipped. */
export async function folderBytes(folder) {
  let total = 0;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    try {
      total += (await stat(path.join(entry.parentPath, entry.name))).size;
    } catch {
      // removed between the listing and the stat
    }
  }
  return total;
}
