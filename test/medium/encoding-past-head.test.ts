/**
 * A big file whose encoding gives itself away only past the first MB (the head Node reads) fails the load
 * at that byte's line and column, publishes nothing, and leaves nothing in the staging folder (neither
 * the staged database nor a transcoded copy).
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEtlConfig, repoRoot } from '../../etl/src/config.js';
import { runLoad } from '../../etl/src/load.js';
import { silentProgress } from '../../etl/src/progress.js';
import { stateLayout } from '../../etl/src/publish/layout.js';
import { bigPosasWith } from '../../etl/src/stage/testing/big-posas.js';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { currentSnapshotId, load, newStateDir } from '../support/etl.js';

const POSAS = 'population/POSAS_2025_it_Comuni.csv';

/** The project's catalogue, with ISTAT POSAS declared in `encoding`. */
async function datasetsDeclaring(encoding: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-datasets-'));
  const sources = await readFile(path.join(repoRoot, 'datasets/sources.yaml'), 'utf8');
  const parse = "layout: istat_age_sex\n    parse: { delimiter: ';', encoding: utf-8,";
  const edited = sources.replace(parse, parse.replace('utf-8', encoding));
  expect(edited).not.toBe(sources);
  await writeFile(path.join(dir, 'sources.yaml'), edited);
  for (const name of ['indicators.yaml', 'age_bands.yaml', 'quality.yaml']) await copyFile(path.join(repoRoot, 'datasets', name), path.join(dir, name));
  return dir;
}

describe('an encoding error past the first MB of a big file', () => {
  const served = { stateDir: '', goodId: null as string | null };
  beforeAll(async () => {
    served.stateDir = await newStateDir();
    await load(served.stateDir, await writeFixtureDataFolder());
    served.goodId = await currentSnapshotId(served.stateDir);
  });
  afterAll(() => rm(served.stateDir, { recursive: true, force: true }));

  it.each([
    ['windows-1252', 0x81, 'byte 0x81 has no character in windows-1252'],
    ['latin-1', 0x92, 'byte 0x92 is a control character in latin-1'],
  ] as const)('%s: fails the load at the byte, publishes nothing and leaves the staging folder empty', async (encoding, byte, explanation) => {
    const { bytes, line, column } = bigPosasWith(encoding, byte);
    const data = await writeFixtureDataFolder({ overrides: { [POSAS]: bytes } });
    const datasetsDir = await datasetsDeclaring(encoding);
    try {
      await expect(runLoad({ ...loadEtlConfig({}, { stateDir: served.stateDir, dataDir: data }), datasetsDir }, silentProgress)).rejects.toThrow(`${POSAS}:${line}:${column}: ${explanation}`);
      expect(await currentSnapshotId(served.stateDir)).toBe(served.goodId);
      expect(await readdir(stateLayout(served.stateDir).stagingDir)).toEqual([]);
    } finally {
      await rm(data, { recursive: true, force: true });
      await rm(datasetsDir, { recursive: true, force: true });
    }
  });
});
