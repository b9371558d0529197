import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
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
  const names = pattern.includes('*') ? (await listFiles(folder)).filter((name) => wildcard(pattern).test(name)) : (await isFile(path.join(folder, pattern))) ? [pattern] : [];
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
  const bytes = await readFile(absolutePath);
  return {
    path: path.relative(dataDir, absolutePath).split(path.sep).join('/'),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
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
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(absolutePath) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { absolutePath, path: path.relative(dataDir, absolutePath).split(path.sep).join('/'), sha256: hash.digest('hex'), bytes };
}

/** Every file of every source of a catalogue, hashed once (as a stream): for the fingerprint and the provenance. */
export async function digestCatalogFiles(catalog: SourceCatalog, dataDir: string): Promise<Map<string, FileDigest[]>> {
  const digests = new Map<string, FileDigest[]>();
  for (const descriptor of catalog.sources) {
    const paths = await resolveSourceFiles(descriptor, dataDir);
    digests.set(descriptor.id, await Promise.all(paths.map((file) => digestSourceFile(file, dataDir))));
  }
  return digests;
}
