import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { readSqlBeside } from '../db/sql-file.js';
import { formatQualityReport, readQualitySummary } from './report.js';

const SCHEMA = readSqlBeside(import.meta.url, '../model/schema.sql');

/** A snapshot's quality_issue table: 10,000 warnings of one rule, 2 of another, 1 error. */
async function snapshotWithIssues() {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(SCHEMA);
  await c.run(`INSERT INTO quality_issue SELECT 'warning', 'sources-disagree', 'posas', printf('%06d', i), 2022, printf('comune %06d disagrees', i), 'x' FROM range(10000, 0, -1) t(i)`);
  await c.run(`INSERT INTO quality_issue VALUES ('warning', 'bad-area', 'gi_comuni', '072040', NULL, 'Sannicandro: negative area', 'x'), ('warning', 'bad-area', 'gi_comuni', '072037', NULL, 'Rutigliano: negative area', 'x'), ('error', 'coverage', NULL, NULL, 2024, 'file covers 81 of 186 comuni', 'x')`);
  return { c, close: () => { c.closeSync(); instance.closeSync(); } };
}

describe('the quality report', () => {
  it('counts every issue in SQL and reads only the first of each rule, in order of territory', async () => {
    const { c, close } = await snapshotWithIssues();
    try {
      const summary = await readQualitySummary(c, 3);
      expect(summary.counts).toEqual([
        { severity: 'error', rule: 'coverage', issues: 1 },
        { severity: 'warning', rule: 'bad-area', issues: 2 },
        { severity: 'warning', rule: 'sources-disagree', issues: 10000 },
      ]);
      expect(summary.first.map((i) => i.message)).toEqual([
        'file covers 81 of 186 comuni',
        'Rutigliano: negative area',
        'Sannicandro: negative area',
        'comune 000001 disagrees',
        'comune 000002 disagrees',
        'comune 000003 disagrees',
      ]);
      expect((await readQualitySummary(c, Infinity)).first).toHaveLength(10003);
    } finally {
      close();
    }
  });

  it('prints per severity the counts by rule, then the first messages of each rule and how many more there are', async () => {
    const { c, close } = await snapshotWithIssues();
    try {
      const summary = await readQualitySummary(c, 20);
      expect(formatQualityReport(summary, 2)).toEqual([
        'error: 1 (coverage 1)',
        '  file covers 81 of 186 comuni [coverage]',
        'warning: 10002 (bad-area 2, sources-disagree 10000)',
        '  Rutigliano: negative area [bad-area]',
        '  Sannicandro: negative area [bad-area]',
        '  comune 000001 disagrees [sources-disagree]',
        '  comune 000002 disagrees [sources-disagree]',
        '  … and 9998 more [sources-disagree]',
      ]);
      expect(formatQualityReport(summary, 1, ['warning'])[0]).toBe('warning: 10002 (bad-area 2, sources-disagree 10000)');
      await c.run('DELETE FROM quality_issue');
      expect(formatQualityReport(await readQualitySummary(c, 5), 5)).toEqual(['no quality issues']);
    } finally {
      close();
    }
  });
});
