import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { etl } from '../support/etl-cli.js';
import { currentSnapshotId, newStateDir } from '../support/etl.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POPULATION = 'population/pavia_popolazione_residente_2018_2021.csv';
const SERVING = /Osservatorio: http:\/\/localhost:(\d+) /;

/** `npm start` as package.json spells it, without the build that `npm test` has already done. */
async function startCommand(): Promise<string> {
  const { scripts } = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
  const build = 'npm run build && ';
  expect(scripts.start!.startsWith(build)).toBe(true);
  return scripts.start!.slice(build.length);
}

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
