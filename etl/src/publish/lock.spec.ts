import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../progress.js';
import { stateLayout, type StateLayout } from './layout.js';
import { withLoadLock } from './lock.js';

interface Recorded extends Progress {
  readonly steps: string[];
  readonly warnings: string[];
}
function recording(): Recorded {
  const steps: string[] = [];
  const warnings: string[] = [];
  return { steps, warnings, step: (m) => steps.push(m), warn: (m) => warnings.push(m) };
}

/** The pid of a process that has just exited, so no process has it. */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await sleep(10);
  }
  throw new Error('condition not met within 5 s');
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('the load lock', () => {
  let layout: StateLayout;
  beforeEach(async () => {
    layout = stateLayout(await mkdtemp(path.join(tmpdir(), 'osservatorio-lock-')));
  });
  afterEach(() => rm(layout.stateDir, { recursive: true, force: true }));

  it('names its holder in <state>/load.lock while held, and is gone after', async () => {
    let seen: unknown;
    await withLoadLock(layout, recording(), async () => {
      seen = JSON.parse(await readFile(layout.loadLock, 'utf8'));
    });
    expect(seen).toEqual({ pid: process.pid, hostname: hostname(), startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), command: expect.any(String) });
    expect(await exists(layout.loadLock)).toBe(false);
  });

  it('makes a second load wait for the first, saying whose load it waits for', async () => {
    const events: string[] = [];
    let finishFirst = () => undefined as void;
    const first = withLoadLock(layout, recording(), async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (finishFirst = resolve));
      events.push('first ends');
    });
    await until(() => events.length === 1);
    const progress = recording();
    const second = withLoadLock(layout, progress, async () => void events.push('second starts'), { pollMs: 10 });
    await until(() => progress.steps.length > 0);
    const holder = JSON.parse(await readFile(layout.loadLock, 'utf8')) as { startedAt: string; command: string };
    expect(progress.steps[0]).toBe(`waiting for the load started by pid ${process.pid} at ${holder.startedAt} on ${hostname()} (${holder.command}) to finish; lock ${layout.loadLock}`);
    await sleep(50);
    expect(events).toEqual(['first starts']);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('gives up after its timeout, naming the holder and the lock file', async () => {
    let finish = () => undefined as void;
    const first = withLoadLock(layout, recording(), () => new Promise<void>((resolve) => (finish = resolve)));
    await until(() => exists(layout.loadLock));
    await expect(withLoadLock(layout, recording(), async () => 'ran', { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(
      `${layout.loadLock}: another load holds the lock: pid ${process.pid} on ${hostname()}`,
    );
    finish();
    await first;
  });

  it('takes over, with a warning, the lock of a load on this host that is no longer running', async () => {
    const pid = await deadPid();
    await writeFile(layout.loadLock, JSON.stringify({ pid, hostname: hostname(), startedAt: '2025-01-01T10:00:00.000Z', command: 'node etl/dist/cli.js load' }));
    const progress = recording();
    expect(await withLoadLock(layout, progress, async () => 'ran')).toBe('ran');
    expect(progress.warnings).toEqual([`${layout.loadLock}: taking over the lock of the load started by pid ${pid} at 2025-01-01T10:00:00.000Z (node etl/dist/cli.js load), which is no longer running`]);
    expect(await exists(layout.loadLock)).toBe(false);
  });

  it('of two loads that find the same stale lock, lets only one in at a time', async () => {
    await writeFile(layout.loadLock, JSON.stringify({ pid: await deadPid(), hostname: hostname(), startedAt: '2025-01-01T10:00:00.000Z', command: 'load' }));
    const events: string[] = [];
    const load = (name: string) =>
      withLoadLock(layout, recording(), async () => {
        events.push(`${name} in`);
        await sleep(50);
        events.push(`${name} out`);
      }, { pollMs: 5 });
    await Promise.all([load('a'), load('b'), load('c')]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace(' in', ' out'));
    expect(events).toHaveLength(6);
  });

  it('does not take over a lock held on another host, whose process it cannot see', async () => {
    await writeFile(layout.loadLock, JSON.stringify({ pid: await deadPid(), hostname: 'elsewhere.example', startedAt: '2025-01-01T10:00:00.000Z', command: 'load' }));
    await expect(withLoadLock(layout, recording(), async () => 'ran', { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(/another load holds the lock: pid \d+ on elsewhere\.example, started at 2025-01-01T10:00:00\.000Z \(load\)/);
  });

  it('takes over a damaged lock file, saying so', async () => {
    await writeFile(layout.loadLock, '');
    const progress = recording();
    expect(await withLoadLock(layout, progress, async () => 'ran')).toBe('ran');
    expect(progress.warnings).toEqual([`${layout.loadLock}: taking over a damaged lock file ("")`]);
  });

  it('is released when the load fails', async () => {
    await expect(withLoadLock(layout, recording(), () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await exists(layout.loadLock)).toBe(false);
    expect(await withLoadLock(layout, recording(), async () => 'next', { timeoutMs: 0 })).toBe('next');
  });
});
