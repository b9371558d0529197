/**
 * One load at a time per state folder. Two loads publishing at once would each prune the snapshot the
 * other had just served. The lock is `<state>/load.lock`, naming its holder; it is created whole (written
 * beside it, then hard-linked into place, which fails if it exists) so a reader never sees it half-written.
 */
import { link, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from '../progress.js';
import { syncPath, temporaryFileFor, writeAndSync } from './durable.js';
import type { StateLayout } from './layout.js';
import { PublishError } from './snapshots.js';

export interface LoadLockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
  readonly command: string;
}

export interface LoadLockOptions {
  /** How long to wait for the load holding the lock before giving up. */
  readonly timeoutMs?: number;
  /** How often to look whether the lock is free. */
  readonly pollMs?: number;
  /** How often to say, while waiting, who is being waited for. */
  readonly reportEveryMs?: number;
}

const DEFAULTS: Required<LoadLockOptions> = { timeoutMs: 15 * 60_000, pollMs: 250, reportEveryMs: 30_000 };
// A takeover holds its guard for a few milliseconds; a guard this old was left by a killed process.
const TAKEOVER_GUARD_STALE_MS = 10_000;

/** Runs `fn` holding the state folder's load lock, waiting for (or taking over from) another holder. */
export async function withLoadLock<T>(layout: StateLayout, progress: Progress, fn: () => Promise<T>, options: LoadLockOptions = {}): Promise<T> {
  const held = await acquire(layout, progress, { ...DEFAULTS, ...options });
  try {
    return await fn();
  } finally {
    await release(layout, held);
  }
}

interface LockContent {
  readonly text: string;
  /** null: the file is not a holder's description (damaged). */
  readonly holder: LoadLockHolder | null;
}

async function acquire(layout: StateLayout, progress: Progress, options: Required<LoadLockOptions>): Promise<string> {
  const me: LoadLockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command: [path.basename(process.argv[0] ?? 'node'), ...process.argv.slice(1)].join(' ') };
  const text = `${JSON.stringify(me)}\n`;
  const deadline = Date.now() + options.timeoutMs;
  await mkdir(layout.stateDir, { recursive: true });
  let reportedAt = Number.NEGATIVE_INFINITY;
  for (;;) {
    if (await tryCreate(layout, text)) return text;
    const current = await readLock(layout);
    if (current === null) continue; // released meanwhile
    if (current.holder === null || isStale(current.holder)) {
      await takeOver(layout, current, progress);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new PublishError(`${layout.loadLock}: another load holds the lock: ${describe(current.holder)}. Gave up after waiting ${Math.round(options.timeoutMs / 1000)} s; if that load is not running (it may be on another host), remove the file.`);
    }
    if (Date.now() - reportedAt >= options.reportEveryMs) {
      progress.step(`waiting for the load started by pid ${current.holder.pid} at ${current.holder.startedAt} on ${current.holder.hostname} (${current.holder.command}) to finish; lock ${layout.loadLock}`);
      reportedAt = Date.now();
    }
    await sleep(options.pollMs);
  }
}

async function tryCreate(layout: StateLayout, text: string): Promise<boolean> {
  const candidate = temporaryFileFor(layout.loadLock);
  await writeAndSync(candidate, text);
  try {
    await link(candidate, layout.loadLock);
    await syncPath(layout.stateDir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(candidate, { force: true });
  }
}

async function readLock(layout: StateLayout): Promise<LockContent | null> {
  let text: string;
  try {
    text = await readFile(layout.loadLock, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LoadLockHolder;
    return typeof holder.pid === 'number' && typeof holder.hostname === 'string' ? { text, holder } : { text, holder: null };
  } catch {
    return { text, holder: null };
  }
}

/** A holder on this host whose process is gone: it was killed or crashed. Another host's cannot be told. */
function isStale(holder: LoadLockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock so that the waiting loads can compete for it again. Guarded, so that of two loads
 * that both found it stale the second does not remove the lock the first has just taken.
 */
async function takeOver(layout: StateLayout, stale: LockContent, progress: Progress): Promise<void> {
  const guard = `${layout.loadLock}.takeover`;
  try {
    await writeAndSync(guard, `${process.pid}\n`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > TAKEOVER_GUARD_STALE_MS) await rm(guard, { force: true });
    else await sleep(10);
    return;
  }
  try {
    if ((await readLock(layout))?.text !== stale.text) return;
    await rm(layout.loadLock, { force: true });
    const whose = stale.holder === null ? `a damaged lock file (${JSON.stringify(stale.text.slice(0, 80))})` : `the lock of the load started by pid ${stale.holder.pid} at ${stale.holder.startedAt} (${stale.holder.command}), which is no longer running`;
    progress.warn(`${layout.loadLock}: taking over ${whose}`);
  } finally {
    await rm(guard, { force: true });
  }
}

/** Removes the lock if it is still this load's (it is, unless someone removed it by hand). */
async function release(layout: StateLayout, text: string): Promise<void> {
  if ((await readLock(layout))?.text === text) await rm(layout.loadLock, { force: true });
}

function describe(holder: LoadLockHolder): string {
  return `pid ${holder.pid} on ${holder.hostname}, started at ${holder.startedAt} (${holder.command})`;
}
