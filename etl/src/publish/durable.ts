import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The suffix of every temporary file; what a killed writer leaves with it is debris (see debris.ts). */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Replaces `file` with `text` so that a reader, or the next start after a crash or a full disk, finds
 * either the old content or the new, never a part: the text goes to a temporary file in the same folder,
 * is flushed to disk, and is renamed over `file`; then the folder is flushed so the rename survives.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = temporaryFileFor(file);
  try {
    await writeAndSync(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncPath(path.dirname(file));
}

/** A name beside `file` that no other writer uses. */
export function temporaryFileFor(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
}

/** Writes a new file and flushes it to disk before returning; fails if `file` exists. */
export async function writeAndSync(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a file's content, or a folder's entries, to disk. */
export async function syncPath(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
