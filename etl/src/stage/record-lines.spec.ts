import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataFolder } from '../sources/testing/fixtures.js';
import { recordLines, type LinesAfter } from './record-lines.js';

/** Refused lines handed out `batch` at a time, as stage-errors reads them from DuckDB. */
function inBatches(lines: readonly number[], batch: number): LinesAfter {
  return async (after) => lines.filter((line) => line > after).slice(0, batch);
}

describe('recordLines', () => {
  it('counts records as DuckDB stores them: a quoted field over two lines is one record, a blank line none', async () => {
    const folder = await makeDataFolder({ 'a.csv': 'h1,h2\n1,"a\nb"\n\n2,c\n3,d\n' });
    try {
      expect(await recordLines(path.join(folder.dir, 'a.csv'), 2, [0, 1, 2])).toEqual(new Map([[0, 2], [1, 5], [2, 6]]));
    } finally {
      await folder.remove();
    }
  });

  it('skips the records on refused lines, however many, read a batch at a time', async () => {
    // Header, then 25,000 refused rows on lines 2…25001 with the stored records on every other line after.
    const refused = Array.from({ length: 25_000 }, (_, i) => 2 + i);
    const text = ['h1,h2', ...refused.map(() => 'x,y,z'), 'a,1', 'b,2', 'c,3'].join('\n') + '\n';
    const folder = await makeDataFolder({ 'a.csv': text });
    try {
      expect(await recordLines(path.join(folder.dir, 'a.csv'), 2, [0, 2], inBatches(refused, 10_000))).toEqual(new Map([[0, 25_002], [2, 25_004]]));
    } finally {
      await folder.remove();
    }
  });
});
