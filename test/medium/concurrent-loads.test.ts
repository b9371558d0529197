import { access, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { stateLayout } from '../../etl/src/publish/layout.js';
import { writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { etl } from '../support/etl-cli.js';
import { currentSnapshotId, newStateDir } from '../support/etl.js';

const ROUNDS = 4;

describe('two loads started at once', () => {
  it('run one after the other, and CURRENT always names a snapshot that exists with its manifest', async () => {
    const dataDir = await writeFixtureDataFolder();
    const stateDir = await newStateDir();
    const layout = stateLayout(stateDir);
    const env = { OSSERVATORIO_KEEP_SNAPSHOTS: '2' };
    let waited = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.all([1, 2].map(() => etl(['load', '--data', dataDir, '--state', stateDir], env)));
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const current = await currentSnapshotId(stateDir);
      expect(current, `round ${round}: CURRENT is empty`).not.toBeNull();
      await expect(access(layout.snapshotFile(current!)), `round ${round}: CURRENT names ${current}, whose file is gone`).resolves.toBeUndefined();
      expect(JSON.parse(await readFile(layout.manifestFile(current!), 'utf8')).id).toBe(current);
      waited += results.filter((r) => /waiting for the load started by pid \d+ /.test(r.stderr)).length;
    }
    // Both loads of a round start together: at least once, one of them saw the other holding the lock.
    expect(waited).toBeGreaterThan(0);
  });
});
