import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REPORTED_ERRORS } from '../sources/errors.js';
import { harmonise } from './harmonise.js';
import { SnapshotBuilder } from './write-snapshot.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A snapshot being built, with Pavia its one comune and `unknown` staged values under codes no list knows, then one of Pavia. */
async function staged(unknown: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-harmonise-'));
  dirs.push(dir);
  const builder = await SnapshotBuilder.create(path.join(dir, 'snapshot.duckdb'), { memoryLimit: '500MB', tempDir: dir });
  const c = builder.connection;
  await c.run(`INSERT INTO territory (code, level, name, source_id) VALUES ('018110', 'comune', 'Pavia', 'comuni')`);
  await c.run(
    `INSERT INTO obs_raw SELECT 'pop', 1, i, printf('9%05d', i), 2, 2024, 'pop_res', 'T', 0, NULL, 10 FROM range(1, $n + 1) t(i)`,
    { n: unknown },
  );
  await c.run(`INSERT INTO obs_raw VALUES ('pop', 1, $record, '018110', 2, 2024, 'pop_res', 'T', 0, NULL, 71000)`, { record: unknown + 1 });
  return builder;
}

describe('harmonise', () => {
  it('words the first unknown codes in record order and counts the rest, however many a file gives', async () => {
    const builder = await staged(5000);
    try {
      const c = builder.connection;
      await harmonise(c, '2024-01-01');
      const listed = (await c.runAndReadAll(`SELECT record, rule, explanation FROM stage_error ORDER BY record`)).getRowObjectsJS();
      expect(listed).toHaveLength(MAX_REPORTED_ERRORS);
      expect(listed.map((e) => Number(e.record))).toEqual(Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => i + 1));
      expect(listed[0]).toMatchObject({ rule: 'unknown-comune', explanation: 'comune code "900001" is not a comune on 2024-01-01 nor in ISTAT\'s list of suppressed comuni; expected a valid ISTAT comune code' });
      const unlisted = (await c.runAndReadAll(`SELECT CAST(sum(problems) AS INTEGER) AS n FROM stage_error_unlisted`)).getRowObjectsJS();
      expect(unlisted).toEqual([{ n: 5000 - MAX_REPORTED_ERRORS }]);
      const pavia = (await c.runAndReadAll(`SELECT territory_code, value FROM observation`)).getRowObjectsJS();
      expect(pavia).toEqual([{ territory_code: '018110', value: 71000 }]);
    } finally {
      builder.close();
    }
  });
});
