import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceCatalog, SourceDescriptor } from './descriptor.js';
import { SourceError } from './errors.js';

/**
 * The files a descriptor names, as absolute paths sorted by name. A `*` in the file name matches any
 * text, so one source may be several files (one per year). No match fails, unless the source is optional.
 */
export async function resolveSourceFiles(descriptor: SourceDescriptor, dataDir: string): Promise<string[]> {
  const folder = path.join(dataDir, path.posix.dirname(descriptor.file));
  const pattern = path.posix.basename(descriptor.file);
  const names = pattern.includes('*') ? (await listFiles(folder, path.posix.dirname(descriptor.file))).filter((name) => wildcard(pattern).test(name)) : (await exists(path.join(folder, pattern))) ? [pattern] : [];
  if (names.length === 0 && !descriptor.optional) {
    throw new SourceError({
      file: descriptor.file,
      line: 0,
      column: 0,
      rule: 'no-file',
      explanation: `no file ${pattern.includes('*') ? 'matches this name' : 'has this name'} in the data folder ${dataDir}; expected the file published by ${descriptor.publisher}${descriptor.url ? ` (${descriptor.url})` : ''}, or optional: true in datasets/sources.yaml`,
    });
  }
  return names.sort().map((name) => path.join(folder, name));
}

export interface LoadedFile {
  /** Relative to the data folder, with /. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export async function loadSourceFile(absolutePath: string, dataDir: string): Promise<LoadedFile> {
  const relative = path.relative(dataDir, absolutePath).split(path.sep).join('/');
  const bytes = await readWholeFile(absolutePath, relative);
  return { path: relative, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The largest file read whole into memory. Territory, boundaries and catalogue files are a few MB; Node
 * cannot read 2 GB into one buffer nor decode more than 512M characters into one string, and would fail
 * with a RangeError naming no file.
 */
export const MAX_SOURCE_FILE_BYTES = 256 * 1024 ** 2;

/** A whole file, refused with a SourceError naming it (as `shownAs`) when it is not a readable file of a sane size. */
export async function readWholeFile(absolutePath: string, shownAs: string, maxBytes = MAX_SOURCE_FILE_BYTES): Promise<Buffer> {
  const size = await regularFileSize(absolutePath, shownAs);
  if (size > maxBytes) {
    throw new SourceError({
      file: shownAs,
      line: 0,
      column: 0,
      rule: 'file-too-large',
      explanation: `the file is ${megabytes(size)} (${size.toLocaleString('en')} bytes), more than the ${Math.round(maxBytes / 1024 ** 2)} MB read into memory; check it is the right file (a territory list or the boundaries of one provincia is a few MB), or keep only the rows or areas needed`,
    });
  }
  try {
    return await readFile(absolutePath);
  } catch (error) {
    throw unreadableFileError(shownAs, error);
  }
}

/** Feeds a file to a hash as a stream, so any size can be fingerprinted; fails like readWholeFile on what is not a readable file. */
export async function hashFile(hash: Hash, absolutePath: string, shownAs: string): Promise<void> {
  await regularFileSize(absolutePath, shownAs);
  try {
    for await (const chunk of createReadStream(absolutePath)) hash.update(chunk as Buffer);
  } catch (error) {
    throw unreadableFileError(shownAs, error);
  }
}

async function regularFileSize(absolutePath: string, shownAs: string): Promise<number> {
  const fail = (explanation: string) => new SourceError({ file: shownAs, line: 0, column: 0, rule: 'not-a-file', explanation });
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolutePath);
  } catch (error) {
    throw unreadableFileError(shownAs, error);
  }
  if (info.isDirectory()) throw fail('is a folder, not a file; expected the published file itself at this path: move the file here, or correct the path in datasets/sources.yaml');
  // Reading a FIFO or a device would block or never end.
  if (!info.isFile()) throw fail('is not a regular file (a device, FIFO or socket); expected the published file itself at this path');
  return info.size;
}

/** A file-system error while opening a source file, as a SourceError that says what to do. */
export function unreadableFileError(shownAs: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const fail = (rule: string, explanation: string) => new SourceError({ file: shownAs, line: 0, column: 0, rule, explanation });
  switch (code) {
    case 'ELOOP':
      return fail('unreadable-file', 'cannot be opened: it is one of symbolic links that loop (ELOOP); make the link point to the real file, or put the file itself here');
    case 'EACCES':
    case 'EPERM':
      return fail('unreadable-file', `cannot be read: permission denied (${code}); give the user running the ETL read access to the file and its folders (e.g. chmod a+r), or copy it into the data folder`);
    case 'ENOENT':
      return fail('unreadable-file', 'cannot be opened: it is a symbolic link to a file that does not exist, or it was removed while the load ran; make the link point to the real file, or put the file itself here');
    case 'EISDIR':
    case 'ENOTDIR':
      return fail('not-a-file', `is not a file (${code}); expected the published file itself at this path`);
    default:
      return fail('unreadable-file', `cannot be read (${code ?? (error as Error | undefined)?.message ?? String(error)}); check the file can be opened by the user running the ETL`);
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

async function listFiles(folder: string, shownAs: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
  } catch (error) {
    // No folder (or a file in its place): no file matches, reported as such by the caller.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw unreadableFileError(shownAs, error);
  }
}

/**
 * The data folder itself, before any file in it: a mistyped path would otherwise be reported as the first
 * source file missing from it.
 */
async function requireDataFolder(dataDir: string): Promise<void> {
  const fail = (explanation: string) => new SourceError({ file: dataDir, line: 0, column: 0, rule: 'no-data-folder', explanation });
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw fail('the data folder does not exist; expected the folder of published files given by --data or OSSERVATORIO_DATA_DIR: check the path');
    throw unreadableFileError(dataDir, error);
  }
  if (!info.isDirectory()) throw fail('is a file, not a folder; expected the folder of published files given by --data or OSSERVATORIO_DATA_DIR (the folder that holds territory/, population/ …)');
}

/** Whether anything has this name; what it is (a folder, a broken link) is reported when it is read. */
async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/** A source file identified by its content, read as a stream (bulk files are never held in memory). */
export interface FileDigest {
  readonly absolutePath: string;
  /** Relative to the data folder, with /. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export async function digestSourceFile(absolutePath: string, dataDir: string): Promise<FileDigest> {
  const shownAs = path.relative(dataDir, absolutePath).split(path.sep).join('/');
  const hash = createHash('sha256');
  await hashFile(hash, absolutePath, shownAs);
  return { absolutePath, path: shownAs, sha256: hash.digest('hex'), bytes: await regularFileSize(absolutePath, shownAs) };
}

/** Every file of every source of a catalogue, hashed once (as a stream): for the fingerprint and the provenance. */
export async function digestCatalogFiles(catalog: SourceCatalog, dataDir: string): Promise<Map<string, FileDigest[]>> {
  await requireDataFolder(dataDir);
  const digests = new Map<string, FileDigest[]>();
  for (const descriptor of catalog.sources) {
    const paths = await resolveSourceFiles(descriptor, dataDir);
    digests.set(descriptor.id, await Promise.all(paths.map((file) => digestSourceFile(file, dataDir))));
  }
  return digests;
}
