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
  const found = await stat(stateDir).then(
    (info) => (info.isDirectory() ? null : 'NOT_A_FOLDER'),
    (error: NodeJS.ErrnoException) => error,
  );
  if (found === 'NOT_A_FOLDER') throw fail('is a file, not a folder');
  const code = found?.code;
  if (code === 'ENOTDIR') throw fail(`cannot be created: ${await fileAbove(stateDir)} is a file`);
  if (found !== null && code !== 'ENOENT') throw fail(`cannot be read: ${describe(found)}`);
  if (code === 'ENOENT' && create) {
    try {
      await mkdir(stateDir, { recursive: true });
    } catch (error) {
      throw fail(`cannot be created: ${describe(error)}`);
    }
  }
  if (found === null && create) {
    try {
      await access(stateDir, constants.W_OK | constants.X_OK);
    } catch (error) {
      throw fail(`cannot be written: ${describe(error)}`);
    }
  }
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
