/**
 * The servers the API benchmarks load, each in its own process so that the load generator does not
 * share their event loop: the built API as `node backend/dist/main.js` runs it, and the peer.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The API over `stateDir` on a free port of 127.0.0.1. `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…'];
 * `main` another build's main.js, to compare two builds in one run; `env` more settings (e.g. the audience).
 */
export function startApi(stateDir, { nodeArgs = [], main = path.join(ROOT, 'backend', 'dist', 'main.js'), env: more = {} } = {}) {
  const env = { ...process.env, ...more, OSSERVATORIO_STATE_DIR: stateDir, PORT: '0', HOST: '127.0.0.1' };
  return startProcess('API', [...nodeArgs, main], env, (line) => /^Osservatorio: http:\/\/[^:]+:(\d+)/.exec(line)?.[1]);
}

/** The plain Fastify + DuckDB peer (api-peer.mjs) on `snapshotFile`. */
export function startPeer(snapshotFile) {
  return startProcess('peer', [fileURLToPath(new URL('./api-peer.mjs', import.meta.url)), snapshotFile], process.env, (line) => (line.startsWith('{"port"') ? JSON.parse(line).port : undefined));
}

function startProcess(name, args, env, portOf) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onExit = (code) => reject(new Error(`${name} exited with ${code} before listening: ${stderr}`));
    child.once('exit', onExit);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const port = portOf(line);
        if (port === undefined) continue;
        child.off('exit', onExit);
        resolve({
          name,
          url: `http://127.0.0.1:${port}`,
          pid: child.pid,
          stop: () => stopChild(child),
        });
      }
    });
  });
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
