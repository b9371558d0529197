/**
 * Extracts one entry of a zip archive (stored or deflated) with node:zlib. The whole archive is refused
 * when any entry's name would land outside the folder it is extracted into (zip-slip), even though the
 * entry is written to a path this program chooses: such an archive is not the publisher's file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import { SourceError } from '../sources/errors.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

export interface ExtractedFile {
  readonly bytes: number;
  readonly sha256: string;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Every entry of the archive, after checking that none would escape the folder it is extracted into. */
export async function listZipEntries(archive: string, archiveName = path.basename(archive)): Promise<ZipEntry[]> {
  const handle = await open(archive, 'r');
  try {
    return await readCentralDirectory(handle, archiveName);
  } finally {
    await handle.close();
  }
}

/** Writes the entry named `entryName` to `target` and returns its size and sha256. */
export async function extractZipEntry(archive: string, entryName: string, target: string, archiveName = path.basename(archive)): Promise<ExtractedFile> {
  const fail = failure(archiveName);
  const handle = await open(archive, 'r');
  let entry: ZipEntry | undefined;
  let dataStart: number;
  try {
    const entries = await readCentralDirectory(handle, archiveName);
    entry = entries.find((e) => e.name === entryName);
    if (entry === undefined) {
      const names = entries.map((e) => `"${e.name}"`);
      throw fail('zip-entry-missing', `has no entry "${entryName}"; it holds ${names.slice(0, 10).join(', ') || 'nothing'}${names.length > 10 ? ` and ${names.length - 10} more` : ''}; expected the file named by download.unzip in sources.yaml`);
    }
    dataStart = await entryDataStart(handle, entry, fail);
  } finally {
    await handle.close();
  }
  return inflateTo(archive, entry, dataStart, target, fail);
}

/**
 * The inflated bytes of one entry of `archive` (from listZipEntries), streamed from its place in the
 * archive, so that a reader can take the entries in the order it needs them.
 */
export async function streamZipEntry(archive: string, entry: ZipEntry, archiveName = path.basename(archive)): Promise<Readable> {
  const fail = failure(archiveName);
  const handle = await open(archive, 'r');
  let dataStart: number;
  try {
    dataStart = await entryDataStart(handle, entry, fail);
  } finally {
    await handle.close();
  }
  return inflatedStream(archive, entry, dataStart, fail);
}

/** An XLSX workbook is a zip too, and is often saved rather than downloaded. */
const DAMAGED = 'the archive is damaged (cut short or altered after it was written): download it or save it again';

const failure = (archiveName: string) => (rule: string, explanation: string) => new SourceError({ file: archiveName, line: 0, column: 0, rule, explanation });

/** Where the entry's compressed bytes start, after checking it is one this reader can inflate and that it fits the archive. */
async function entryDataStart(handle: FileHandle, entry: ZipEntry, fail: (rule: string, explanation: string) => SourceError): Promise<number> {
  if ((entry.flags & 1) !== 0) throw fail('zip-unsupported', `entry "${entry.name}" is encrypted; expected a plain archive`);
  if (entry.method !== STORED && entry.method !== DEFLATED) throw fail('zip-unsupported', `entry "${entry.name}" uses compression method ${entry.method}; expected stored (0) or deflated (8)`);
  const local = await readExactly(handle, entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw fail('zip-corrupt', `entry "${entry.name}" has no local header at offset ${entry.localHeaderOffset}; ${DAMAGED}`);
  const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataStart + entry.compressedSize > (await handle.stat()).size) throw fail('zip-corrupt', `entry "${entry.name}" runs past the end of the archive; the download is truncated`);
  return dataStart;
}

async function inflateTo(archive: string, entry: ZipEntry, dataStart: number, target: string, fail: (rule: string, explanation: string) => SourceError): Promise<ExtractedFile> {
  const source = inflatedStream(archive, entry, dataStart, fail);
  const hash = createHash('sha256');
  const out = await open(target, 'w');
  let bytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      hash.update(chunk);
      await out.write(chunk);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * The entry's bytes as inflated, checked as they come: a zip-corrupt error at the first byte beyond the
 * size the central directory declares (that size is the contract, and more output is a damaged or hostile
 * archive), when the compressed bytes cannot be inflated, and at the end when the size or the CRC-32 is
 * not the one declared. A reader therefore never takes a damaged entry's last bytes for a whole entry.
 */
function inflatedStream(archive: string, entry: ZipEntry, dataStart: number, fail: (rule: string, explanation: string) => SourceError): Readable {
  let bytes = 0;
  let crc = 0;
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      crc = crc32(chunk, crc);
      if (bytes > entry.size) done(fail('zip-corrupt', `entry "${entry.name}" inflates to more than the ${entry.size} bytes it declares; refusing it`));
      else done(null, chunk);
    },
    flush(done) {
      if (bytes !== entry.size || crc >>> 0 !== entry.crc32) done(fail('zip-corrupt', `entry "${entry.name}" gives ${bytes} bytes with CRC ${hex(crc)}; expected ${entry.size} bytes with CRC ${hex(entry.crc32)}; ${DAMAGED}`));
      else done();
    },
  });
  if (entry.compressedSize === 0) return entry.method === DEFLATED ? createInflateRaw().end().pipe(checked) : checked.end();
  const source = compressedStream(archive, entry, dataStart);
  source.on('error', (error) => checked.destroy(fail('zip-corrupt', `entry "${entry.name}" cannot be inflated (${error.message}); ${DAMAGED}`)));
  return source.pipe(checked);
}

function compressedStream(archive: string, entry: ZipEntry, dataStart: number): Readable {
  const compressed = createReadStream(archive, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  if (entry.method !== DEFLATED) return compressed;
  const inflater = createInflateRaw();
  compressed.on('error', (error) => inflater.destroy(error));
  return compressed.pipe(inflater);
}

async function readCentralDirectory(handle: FileHandle, archiveName: string): Promise<ZipEntry[]> {
  const fail = failure(archiveName);
  const size = (await handle.stat()).size;
  // The end record is 22 bytes, after which a comment of up to 65535 bytes may follow.
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = await readExactly(handle, tailStart, size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw fail('zip-corrupt', 'is not a zip archive (no end of central directory); expected the zip the publisher serves');
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw fail('zip-unsupported', 'is a zip64 archive; expected an archive under 4 GB with fewer than 65535 entries');
  if (directoryOffset + directorySize > tailStart + at) throw fail('zip-corrupt', 'has a central directory past its end; the download is truncated');
  const directory = await readExactly(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL) throw fail('zip-corrupt', `entry ${index + 1} of ${count} is missing from the central directory; ${DAMAGED}`);
    const flags = directory.readUInt16LE(offset + 8);
    const nameLength = directory.readUInt16LE(offset + 28);
    const rawName = directory.subarray(offset + 46, offset + 46 + nameLength);
    const name = rawName.toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1');
    if (escapesFolder(name)) throw fail('zip-entry-escapes', `entry "${name}" would be written outside the folder it is extracted into; refusing the whole archive`);
    entries.push({
      name,
      flags,
      method: directory.readUInt16LE(offset + 10),
      crc32: directory.readUInt32LE(offset + 16),
      compressedSize: directory.readUInt32LE(offset + 20),
      size: directory.readUInt32LE(offset + 24),
      localHeaderOffset: directory.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
  }
  return entries;
}

/** True for absolute names, drive letters, backslashes and any .. segment. */
export function escapesFolder(name: string): boolean {
  if (name === '' || name.includes('\0')) return true;
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return true;
  if (name.split(/[/\\]/).includes('..')) return true;
  const folder = path.resolve('/extract-root');
  const resolved = path.resolve(folder, name);
  return resolved !== folder && !resolved.startsWith(folder + path.sep);
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
