import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../sources/errors.js';
import { zipArchive, type ZipEntryInput } from './testing/zip-writer.js';
import { escapesFolder, extractZipEntry, listZipEntries, streamZipEntry } from './zip.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const CSV = 'Popolazione residente al 1° gennaio 2025\nCodice comune;Età;Totale maschi;Totale femmine;Totale\n'.repeat(50);

async function archive(name: string, entries: readonly ZipEntryInput[] | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, Buffer.isBuffer(entries) ? entries : zipArchive(entries));
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof SourceError)) throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

describe('extractZipEntry', () => {
  it('extracts a deflated and a stored entry, byte for byte, with their sha256', async () => {
    const zip = await archive('two.zip', [
      { name: 'README.txt', data: 'leggimi', method: 'stored' },
      { name: 'POSAS_2025_it_Comuni.csv', data: CSV, method: 'deflate' },
    ]);
    for (const name of ['POSAS_2025_it_Comuni.csv', 'README.txt']) {
      const target = path.join(dir, `out-${name}`);
      const result = await extractZipEntry(zip, name, target);
      const expected = name === 'README.txt' ? 'leggimi' : CSV;
      expect(await readFile(target, 'utf8')).toBe(expected);
      expect(result).toEqual({ bytes: Buffer.byteLength(expected), sha256: createHash('sha256').update(expected).digest('hex') });
    }
  });

  it('refuses an archive with an entry whose path escapes the folder, before writing anything', async () => {
    for (const [index, hostile] of ['../../etc/cron.d/x', '/etc/passwd', 'data/../../x', 'C:\\Windows\\x', '..\\x'].entries()) {
      const zip = await archive(`slip-${index}.zip`, [
        { name: 'POSAS_2025_it_Comuni.csv', data: CSV },
        { name: hostile, data: 'owned' },
      ]);
      const target = path.join(dir, `slip-out-${index}.csv`);
      const error = await refusal(extractZipEntry(zip, 'POSAS_2025_it_Comuni.csv', target, 'POSAS_2025_it_Comuni.zip'));
      expect(error.message).toBe(`POSAS_2025_it_Comuni.zip:0:0: entry "${hostile}" would be written outside the folder it is extracted into; refusing the whole archive [zip-entry-escapes]`);
      expect(await readdir(dir)).not.toContain(`slip-out-${index}.csv`);
    }
  });

  it('names the entries present when the one asked for is missing', async () => {
    const zip = await archive('other.zip', [{ name: 'POSAS_2024_it_Comuni.csv', data: CSV }]);
    const error = await refusal(extractZipEntry(zip, 'POSAS_2025_it_Comuni.csv', path.join(dir, 'x.csv')));
    expect(error.message).toBe('other.zip:0:0: has no entry "POSAS_2025_it_Comuni.csv"; it holds "POSAS_2024_it_Comuni.csv"; expected the file named by download.unzip in sources.yaml [zip-entry-missing]');
  });

  it('refuses a file that is not a zip, and a damaged entry', async () => {
    const html = await archive('page.zip', Buffer.from('<html>Servizio non disponibile</html>'));
    expect((await refusal(extractZipEntry(html, 'a.csv', path.join(dir, 'x.csv')))).rule).toBe('zip-corrupt');

    const good = zipArchive([{ name: 'a.csv', data: CSV, method: 'stored' }]);
    const damaged = Buffer.from(good);
    const at = 30 + 'a.csv'.length + 10; // one byte of the stored data
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    const error = await refusal(extractZipEntry(await archive('damaged.zip', damaged), 'a.csv', path.join(dir, 'x.csv')));
    expect(error.rule).toBe('zip-corrupt');
    expect(error.explanation).toMatch(/^entry "a.csv" gives \d+ bytes with CRC [0-9a-f]{8}; expected \d+ bytes with CRC [0-9a-f]{8}; the archive is damaged \(cut short or altered after it was written\): download it or save it again$/);
  });

  it('stops an entry that inflates beyond its declared size', async () => {
    const bomb = zipArchive([{ name: 'a.csv', data: '0'.repeat(100_000), method: 'deflate' }]);
    const directory = bomb.length - 22 - 46 - 'a.csv'.length;
    bomb.writeUInt32LE(1000, directory + 24); // central directory: uncompressed size
    const error = await refusal(extractZipEntry(await archive('bomb.zip', bomb), 'a.csv', path.join(dir, 'bomb.csv')));
    expect(error.message).toBe('bomb.zip:0:0: entry "a.csv" inflates to more than the 1000 bytes it declares; refusing it [zip-corrupt]');
  });
});

describe('streamZipEntry', () => {
  /** Reads the entry to its end, as a reader of the workbook's parts does. */
  async function readEntry(zip: string, name: string, archiveName: string): Promise<Buffer> {
    const entry = (await listZipEntries(zip, archiveName)).find((e) => e.name === name)!;
    const chunks: Buffer[] = [];
    for await (const chunk of await streamZipEntry(zip, entry, archiveName)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('streams a deflated and a stored entry, byte for byte', async () => {
    const zip = await archive('stream.zip', [
      { name: 'README.txt', data: 'leggimi', method: 'stored' },
      { name: 'a.csv', data: CSV, method: 'deflate' },
    ]);
    expect((await readEntry(zip, 'a.csv', 'stream.zip')).toString('utf8')).toBe(CSV);
    expect((await readEntry(zip, 'README.txt', 'stream.zip')).toString('utf8')).toBe('leggimi');
  });

  it('ends a damaged stored entry with zip-corrupt at its CRC, naming the archive and the entry', async () => {
    const damaged = zipArchive([{ name: 'a.csv', data: CSV, method: 'stored' }]);
    const at = 30 + 'a.csv'.length + 10; // one byte of the stored data
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0x01, at);
    const error = await refusal(readEntry(await archive('stream-damaged.zip', damaged), 'a.csv', 'book.xlsx'));
    expect(error.message).toMatch(/^book\.xlsx:0:0: entry "a\.csv" gives \d+ bytes with CRC [0-9a-f]{8}; expected \d+ bytes with CRC [0-9a-f]{8}; the archive is damaged \(cut short or altered after it was written\): download it or save it again \[zip-corrupt\]$/);
  });

  it('fails a damaged deflated entry as zip-corrupt, naming the entry, whether the damage breaks the inflation or only the bytes', async () => {
    const good = zipArchive([{ name: 'a.csv', data: CSV, method: 'deflate' }]);
    const compressedSize = good.readUInt32LE(18);
    // Every byte of the compressed data in turn: some flips break the deflate stream, others give other bytes.
    let refused = 0;
    for (let i = 0; i < compressedSize; i += 1) {
      const damaged = Buffer.from(good);
      const at = 30 + 'a.csv'.length + i;
      damaged.writeUInt8(damaged.readUInt8(at) ^ 0x10, at);
      const file = await archive('stream-deflated.zip', damaged);
      const outcome = await readEntry(file, 'a.csv', 'book.xlsx').then((bytes) => bytes.toString('utf8'), (e: unknown) => e);
      if (outcome === CSV) continue; // a flip inside a bit the decoder ignores leaves the data intact
      expect(outcome, `byte ${i}`).toBeInstanceOf(SourceError);
      expect((outcome as SourceError).message, `byte ${i}`).toMatch(/^book\.xlsx:0:0: entry "a\.csv" .*\[zip-corrupt\]$/);
      refused += 1;
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('escapesFolder', () => {
  it('accepts names inside the folder and refuses the rest', () => {
    expect(['a.csv', 'dir/a.csv', 'dir/./a.csv', 'a..b.csv'].map(escapesFolder)).toEqual([false, false, false, false]);
    expect(['../a', 'a/../../b', '/a', '\\a', 'C:a', 'a\\..\\..\\b', ''].map(escapesFolder)).toEqual([true, true, true, true, true, true, true]);
  });
});
