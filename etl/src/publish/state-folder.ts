/**
 * The state folder itself, checked before anything in it is read or written: a path that is a file, or
 * that cannot be created or written, is named with what to do instead of as a raw EEXIST or ENOTDIR.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

const EXPECTED = 'expected the folder where snapshots live, given by --state or OSSERVATORIO_STATE_DIR';

export class StateFolderError extends Error {
  override readonly name = 'StateFolderError';
}

/** `create`: make the folder when it is missing (a load); otherwise a missing folder simply holds no snapshot. */
export async function requireStateFolder(stateDir: string, { create }: { create: boolean }): Promise<void> {
  const fail = (problem: string) => new StateFolderError(`the state folder ${stateDir} ${problem}; ${EXPECTED}`);
  const attempt = async (work: Promise<unknown>, problem: string) => {
    try {
      await work;
    } catch (error) {
      throw fail(`${problem}: ${describe(error)}`);
    }
  };
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(stateDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw fail(`cannot be created: ${await fileAbove(stateDir)} is a file`);
    if (code !== 'ENOENT') throw fail(`cannot be read: ${describe(error)}`);
    if (create) await attempt(mkdir(stateDir, { recursive: true }), 'cannot be created');
    return;
  }
  if (!info.isDirectory()) throw fail('is a file, not a folder');
  if (create) await attempt(access(stateDir, constants.W_OK | constants.X_OK), 'cannot be written');
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code}); choose a folder the user running the ETL can write, or give it write access`;
  return (error as Error).message;
}

/** The nearest folder above `target` that exists as a file (what stops a folder being made there). */
async function fileAbove(target: string): Promise<string> {
  for (let at = path.dirname(target); at !== path.dirname(at); at = path.dirname(at)) {
    const isFile = await stat(at).then((info) => !info.isDirectory(), () => false);
    if (isFile) return at;
  }
  return target;
}
