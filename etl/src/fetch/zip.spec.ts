import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../sources/errors.js';
import { zipArchive, type ZipEntryInput } from './testing/zip-writer.js';
import { escapesFolder, extractZipEntry } from './zip.js';

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
    expect(error.explanation).toMatch(/^entry "a.csv" gives \d+ bytes with CRC [0-9a-f]{8}; expected \d+ bytes with CRC [0-9a-f]{8}; the download is damaged$/);
  });

  it('stops an entry that inflates beyond its declared size', async () => {
    const bomb = zipArchive([{ name: 'a.csv', data: '0'.repeat(100_000), method: 'deflate' }]);
    const directory = bomb.length - 22 - 46 - 'a.csv'.length;
    bomb.writeUInt32LE(1000, directory + 24); // central directory: uncompressed size
    const error = await refusal(extractZipEntry(await archive('bomb.zip', bomb), 'a.csv', path.join(dir, 'bomb.csv')));
    expect(error.message).toBe('bomb.zip:0:0: entry "a.csv" inflates to more than the 1000 bytes it declares; refusing it [zip-corrupt]');
  });
});

describe('escapesFolder', () => {
  it('accepts names inside the folder and refuses the rest', () => {
    expect(['a.csv', 'dir/a.csv', 'dir/./a.csv', 'a..b.csv'].map(escapesFolder)).toEqual([false, false, false, false]);
    expect(['../a', 'a/../../b', '/a', '\\a', 'C:a', 'a\\..\\..\\b', ''].map(escapesFolder)).toEqual([true, true, true, true, true, true, true]);
  });
});
