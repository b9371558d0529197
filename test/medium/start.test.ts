import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { etl } from '../support/etl-cli.js';
import { currentSnapshotId, newStateDir } from '../support/etl.js';
// @ts-expect-error a plain script without types, run by npm start
import { staleWorkspaces } from '../../etl/build-if-stale.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POPULATION = 'population/pavia_popolazione_residente_2018_2021.csv';
const SERVING = /Osservatorio: http:\/\/localhost:(\d+) /;

/** `npm start` as package.json spells it: after the build `npm test` has done, its own build step finds nothing to do. */
async function startCommand(): Promise<string> {
  const { scripts } = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start!.startsWith('node etl/build-if-stale.mjs && ')).toBe(true);
  return scripts.start!;
}

describe('the build step of npm start', () => {
  const write = async (root: string, file: string, mtime: number) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), 'x');
    await utimes(path.join(root, file), mtime, mtime);
  };
  /** A checkout with every workspace built at t=200 from sources of t=100. */
  async function checkout(): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), 'osservatorio-start-'));
    for (const ws of ['etl', 'backend', 'frontend']) {
      await write(root, `${ws}/src/index.ts`, 100);
      await write(root, `${ws}/package.json`, 100);
      await write(root, `${ws}/dist/index.js`, 200);
    }
    await write(root, 'package-lock.json', 100);
    return root;
  }

  it('builds nothing on an unchanged checkout', async () => {
    expect(staleWorkspaces(await checkout())).toEqual([]);
  });

  it('builds a workspace whose source, settings or dependencies changed, or that was never built', async () => {
    const root = await checkout();
    await write(root, 'frontend/src/pages/Page.tsx', 300);
    expect(staleWorkspaces(root)).toEqual([{ name: 'frontend', reason: 'sources changed since the last build' }]);
    await write(root, 'package-lock.json', 400);
    expect(staleWorkspaces(root).map((s: { name: string }) => s.name)).toEqual(['etl', 'backend', 'frontend']);
    const fresh = await checkout();
    await rm(path.join(fresh, 'backend/dist'), { recursive: true });
    expect(staleWorkspaces(fresh)).toEqual([{ name: 'backend', reason: 'not built yet' }]);
  });

  it('ignores unit tests, which are not part of the build', async () => {
    const root = await checkout();
    await write(root, 'etl/src/index.spec.ts', 300);
    expect(staleWorkspaces(root)).toEqual([]);
  });
});

describe('npm start with a data folder holding a bad file', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    // The shell and the API it started are one process group.
    if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    child = undefined;
  });

  /** Runs the start command; `serving` resolves with the port once the API says it listens. */
  async function start(dataDir: string, stateDir: string): Promise<{ output: () => string; serving: Promise<number>; exited: Promise<number | null> }> {
    const env = { PATH: process.env.PATH, OSSERVATORIO_DATA_DIR: dataDir, OSSERVATORIO_STATE_DIR: stateDir, PORT: '0', HOST: '127.0.0.1' };
    const started = spawn('sh', ['-c', await startCommand()], { cwd: ROOT, env, detached: true });
    child = started;
    let output = '';
    const exited = new Promise<number | null>((resolve) => started.on('exit', resolve));
    const serving = new Promise<number>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const port = SERVING.exec(output)?.[1];
        if (port !== undefined) resolve(Number(port));
      };
      started.stdout.on('data', read);
      started.stderr.on('data', read);
      void exited.then((code) => reject(new Error(`npm start exited ${code} without serving:\n${output}`)));
    });
    serving.catch(() => undefined); // a test that expects the exit does not wait for this
    return { output: () => output, serving, exited };
  }

  it('reports the failed load and serves the last good snapshot', async () => {
    const stateDir = await newStateDir();
    expect((await etl(['load', '--data', await writeFixtureDataFolder(), '--state', stateDir])).code).toBe(0);
    const good = await currentSnapshotId(stateDir);
    const broken = await writeFixtureDataFolder({ overrides: { [POPULATION]: fixtureFiles()[POPULATION]!.replace('71500', '-3') } });

    const started = await start(broken, stateDir);
    const port = await started.serving;
    expect(started.output()).toMatch(/pavia_popolazione_residente_2018_2021\.csv:2:4: .*\[negative-count\]/);
    expect(started.output()).toContain(`serving the last good snapshot ${good} instead`);
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { snapshot: { id: string } };
    expect(health.snapshot.id).toBe(good);
  });

  it('on an unchanged checkout skips every build and ends its output with the URL', async () => {
    const stateDir = await newStateDir();
    const data = await writeFixtureDataFolder();
    expect((await etl(['load', '--data', data, '--state', stateDir])).code).toBe(0);
    const started = await start(data, stateDir);
    const port = await started.serving;
    // Give late log lines a moment to show up after the address, if anything printed any.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = started.output().trim().split('\n');
    expect(started.output()).toMatch(/build: etl: up to date\nbuild: backend: up to date\nbuild: frontend: up to date/);
    expect(lines.at(-1)).toBe(`Osservatorio: http://localhost:${port}`);
  });

  it('exits non-zero with the error when there is no snapshot to serve', async () => {
    const stateDir = await newStateDir();
    const broken = await writeFixtureDataFolder({ overrides: { [POPULATION]: fixtureFiles()[POPULATION]!.replace('71500', '-3') } });
    const started = await start(broken, stateDir);
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/pavia_popolazione_residente_2018_2021\.csv:2:4: .*\[negative-count\]/);
    expect(started.output()).toMatch(/no snapshot to serve/);
    expect(started.output()).not.toMatch(SERVING);
  });
});

describe('the API started on its own', () => {
  it('names a state folder that is a file, and exits 1', async () => {
    const file = path.join(ROOT, 'README.md');
    const api = spawn(process.execPath, [path.join(ROOT, 'backend/dist/main.js')], { cwd: ROOT, env: { PATH: process.env.PATH, OSSERVATORIO_STATE_DIR: file, PORT: '0', HOST: '127.0.0.1' } });
    let output = '';
    api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => api.on('exit', resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(`the state folder ${file} is a file, not a folder; expected the folder where snapshots live, given by --state or OSSERVATORIO_STATE_DIR`);
  });
});
