import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSourcesYaml } from '../../etl/src/fetch/testing/catalog.js';
import { startFixtureServer, unusedPort, type FixtureServer } from '../../etl/src/fetch/testing/fixture-server.js';
import { zipArchive } from '../../etl/src/fetch/testing/zip-writer.js';
import { posas, posasComune, posasRows } from '../../etl/src/sources/testing/fixtures.js';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { newStateDir } from '../support/etl.js';

const CLI = fileURLToPath(new URL('../../etl/dist/cli.js', import.meta.url));

async function etl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Only a comune that exists in both years of the fixture folder's territory.
// Every comune of the fixture's Provincia di Pavia: a file that leaves some out is refused as partial.
const posasOf = (year: number) =>
  posas(posasRows([posasComune('018110', 'Pavia', 400 + year - 2024), posasComune('018177', 'Vigevano', 300), posasComune('018193', 'Colli Verdi', 20), posasComune('018026', 'Campospinoso Albaredo', 10)]), year);
const posasZip = (year: number) => zipArchive([{ name: `POSAS_${year}_it_Comuni.csv`, data: posasOf(year) }]);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('etl fetch, against a publisher on 127.0.0.1', () => {
  let server: FixtureServer;
  let work: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    work = await mkdtemp(path.join(tmpdir(), 'osservatorio-fetch-cli-'));
    for (const year of [2024, 2025]) server.serve(`/data/posas/POSAS_${year}_it_Comuni.zip`, posasZip(year));
    server.serve('/csv/gi_comuni.csv', 'codice_istat;denominazione_ita;codice_sovracomunale\n');
  });
  afterAll(() => server.close());

  async function sourcesFile(name: string, yaml: string): Promise<string> {
    const file = path.join(work, name);
    await writeFile(file, yaml);
    return file;
  }

  it('fetches through a 503 and a connection reset, loads what it fetched, then skips the unchanged files', async () => {
    const dataDir = await writeFixtureDataFolder();
    const stateDir = await newStateDir();
    const sources = await sourcesFile('good.yaml', fetchSourcesYaml(server.origin));
    server.fail('/data/posas/POSAS_2024_it_Comuni.zip', { status: 503 });
    server.fail('/data/posas/POSAS_2025_it_Comuni.zip', 'reset-mid-body');

    const first = await etl('fetch', '--data', dataDir, '--sources', sources);
    expect(first.stderr).toMatch(/warning: population\/POSAS_2024_it_Comuni\.csv: 503 Service Unavailable; attempt 2 of 4 in 1\.0 s/);
    expect(first.stderr).toMatch(/warning: population\/POSAS_2025_it_Comuni\.csv: other side closed; attempt 2 of 4 in 1\.0 s/);
    expect(first.stderr).toMatch(/fetched population\/POSAS_2025_it_Comuni\.csv: \d+\.\d kB in \d+\.\d s \([\d.]+ (B|kB|MB)\/s\) from 127\.0\.0\.1:\d+, extracted \d+\.\d kB/);
    // The fixture folder's own comuni list was not written by fetch: it stays.
    expect(first.stderr).toMatch(/kept territory\/gi_comuni\.csv: already in the data folder, not written by fetch; delete it to fetch it again/);
    expect(first.stderr).toMatch(/fetch: 2 fetched \(\d+\.\d kB\), 0 unchanged, 1 kept, 0 failed; files in /);
    expect(first.code).toBe(0);
    expect(await readFile(path.join(dataDir, 'population/POSAS_2025_it_Comuni.csv'), 'utf8')).toBe(posasOf(2025));

    const load = await etl('load', '--data', dataDir, '--state', stateDir);
    expect(load.stderr).toMatch(/read istat_posas: population\/POSAS_2024_it_Comuni\.csv/);
    expect(load.code).toBe(0);

    const second = await etl('fetch', '--data', dataDir, '--sources', sources, '--source', 'istat_posas');
    expect(second.stderr).toMatch(/fetch: 0 fetched \(0 B\), 2 unchanged, 0 kept, 0 failed/);
    expect(second.code).toBe(0);
    expect(server.requests.at(-1)?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/);

    const verified = await etl('fetch', '--verify', '--data', dataDir);
    expect(verified.stderr).toMatch(/fetch --verify: 2 of 2 fetched files as fetched/);
    expect(verified.code).toBe(0);
  });

  it('reports a 404, a wrong checksum and a zip-slip entry, one line each, and exits 1', async () => {
    const dataDir = await mkdtemp(path.join(work, 'bad-'));
    server.serve('/data/posas/POSAS_2025_it_Comuni.zip', zipArchive([{ name: 'POSAS_2025_it_Comuni.csv', data: 'x' }, { name: '../../evil.sh', data: 'rm -rf ~' }]));
    const wrong = sha256('something else');
    const sources = await sourcesFile('bad.yaml', fetchSourcesYaml(server.origin, { posasSha256: { 'population/POSAS_2024_it_Comuni.csv': wrong } }).replace('years: [2024, 2025]', 'years: [2024, 2026]'));
    const result = await etl('fetch', '--data', dataDir, '--sources', sources, '--source', 'istat_posas');
    const origin = server.origin;
    expect(result.stderr).toContain(`population/POSAS_2024_it_Comuni.csv:0:0: downloaded from ${origin}/data/posas/POSAS_2024_it_Comuni.zip has sha256 ${sha256(posasOf(2024))}; expected ${wrong} (download.sha256 of istat_posas in sources.yaml): the publisher changed the file or the download is damaged; nothing was replaced [checksum-mismatch]`);
    expect(result.stderr).toContain('POSAS_2025_it_Comuni.zip:0:0: entry "../../evil.sh" would be written outside the folder it is extracted into; refusing the whole archive [zip-entry-escapes]');
    expect(result.stderr).toContain(`population/POSAS_2026_it_Comuni.csv:0:0: ${origin}/data/posas/POSAS_2026_it_Comuni.zip answered 404 Not Found; expected the file published by ISTAT`);
    expect(result.stderr).toMatch(/fetch: 0 fetched \(0 B\), 0 unchanged, 0 kept, 3 failed/);
    expect(server.requests.filter((r) => r.path.endsWith('POSAS_2026_it_Comuni.zip'))).toHaveLength(1);
    expect(result.code).toBe(1);
    server.serve('/data/posas/POSAS_2025_it_Comuni.zip', posasZip(2025));
  });

  it('says it is offline when the publisher cannot be reached, and keeps the files fetched before', async () => {
    const dataDir = await mkdtemp(path.join(work, 'offline-'));
    const port = await unusedPort();
    const sources = await sourcesFile('offline.yaml', fetchSourcesYaml(server.origin, { plainOrigin: `http://127.0.0.1:${port}` }));
    const result = await etl('fetch', '--data', dataDir, '--sources', sources, '--retries', '0', '--years', '2025');
    expect(result.stderr).toContain(`cannot reach 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}; you are offline or the publisher is down; download the files by hand into ${dataDir}/territory/gi_comuni.csv (see sources.yaml)`);
    expect(result.stderr).toMatch(/fetch: 1 fetched \(\d+\.\d kB\), 0 unchanged, 0 kept, 0 failed, 1 not reached/);
    expect(result.code).toBe(1);
    expect(await readFile(path.join(dataDir, 'population/POSAS_2025_it_Comuni.csv'), 'utf8')).toBe(posasOf(2025));
  });

  it('refuses to run without a data folder, and names a bad parameter', async () => {
    const none = await etl('fetch');
    expect(none.stderr).toMatch(/^fetch: no data folder; expected --data DIR or OSSERVATORIO_DATA_DIR/m);
    expect(none.code).toBe(2);
    const years = await etl('fetch', '--data', work, '--years', '2025-2019');
    expect(years.stderr).toMatch(/fetch: --years "2025-2019": expected a year \(2025\) or a range from the earlier year \(2019-2025\)/);
    expect(years.code).toBe(2);
  });
});
