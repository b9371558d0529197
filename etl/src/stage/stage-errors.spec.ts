/**
 * A file with the same problem on every row (a wrong decimal setting, a shifted column, a file of another
 * shape) is reported with as many worded messages as a message lists, the first by position, and the
 * total of all: stage_error never holds a worded message per row of a big file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DescriptorOf, SourceCatalog } from '../sources/descriptor.js';
import { MAX_REPORTED_ERRORS } from '../sources/errors.js';
import { descriptorOf, fixtureCatalog, makeDataFolder, posas, posasComune, posasRows, wellFormedFiles } from '../sources/testing/fixtures.js';
import { located } from '../sources/testing/source-errors.js';
import { stageSourceProblems } from './testing/stage-source.js';

const ROWS = 200_000;
const FILE = 'population/pavia_popolazione_residente_2018_2021.csv';
const HEADER = 'comune,pro_com_t,pop_res_18,pop_res_19,pop_res_20,pop_res_21';

/** The wide population file with ROWS rows, each a distinct comune code, row `i` written by `row`. */
function wideFile(row: (code: string) => string): string {
  return [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(String(100_000 + i)))].join('\n') + '\n';
}

let catalog: SourceCatalog;
beforeAll(async () => {
  const folder = await makeDataFolder();
  catalog = await fixtureCatalog(folder);
  await folder.remove();
});

describe(`a problem on every one of ${ROWS.toLocaleString('en')} rows`, () => {
  it.each([
    { problem: 'a count with a decimal part', row: (code: string) => `X,${code},12.5,10,10,10`, column: 3, rule: 'not-a-whole-number' },
    { problem: 'a code that is not one', row: (code: string) => `X,c${code},10,10,10,10`, column: 2, rule: 'bad-code' },
    { problem: 'a field missing (read by the layout)', row: (code: string) => `X,${code},10,10,10`, column: 6, rule: 'wrong-column-count' },
    { problem: 'a field too many (refused by DuckDB)', row: (code: string) => `X,${code},10,10,10,10,10`, column: 7, rule: 'wrong-column-count' },
  ])('$problem: the first lines worded, all counted, only those stored', async ({ row, column, rule }) => {
    const folder = await makeDataFolder({ ...wellFormedFiles(), [FILE]: wideFile(row) });
    try {
      const problems = await stageSourceProblems(catalog, descriptorOf(catalog, 'pop_pavia_2018_2021') as DescriptorOf<'observations'>, folder.dir);
      expect(problems.errors.map(located)).toEqual(Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => ({ file: FILE, line: 2 + i, column, rule })));
      expect(problems.total).toBe(ROWS);
      expect(problems.stored).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
    } finally {
      await folder.remove();
    }
  });

  it('POSAS read cell by cell (sql/age-sex.sql): a count with a decimal part on every row', async () => {
    const comuni = Array.from({ length: 2000 }, (_, i) => posasComune(String(1001 + i).padStart(6, '0'), `Comune ${i}`, 10));
    const rows = posasRows(comuni).map((row) => row.map((cell, i) => (i === 3 ? '12.5' : cell)));
    const file = 'population/POSAS_2025_it_Comuni.csv';
    const folder = await makeDataFolder({ ...wellFormedFiles(), [file]: posas(rows) });
    try {
      const problems = await stageSourceProblems(catalog, descriptorOf(catalog, 'istat_posas') as DescriptorOf<'observations'>, folder.dir);
      // A title line and the header come first.
      expect(problems.errors.map(located)).toEqual(Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => ({ file, line: 3 + i, column: 4, rule: 'not-a-whole-number' })));
      expect(problems.total).toBe(rows.length);
      expect(problems.stored).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
    } finally {
      await folder.remove();
    }
  });
});

describe('rows DuckDB refuses, among rows the load checks', () => {
  it('leave the lines of the problems after them where they are, and every problem in file order', async () => {
    // Line 2: a field too many (refused by DuckDB, not stored); line 3 good; line 4: "x" as a count;
    // line 5: refused again; line 6: a decimal count.
    const file = [HEADER, 'X,018110,10,10,10,10,99', 'X,018026,10,10,10,10', 'X,018177,10,x,10,10', 'X,018193,10,10,10,10,99', 'X,018002,10,10,12.5,10'].join('\n') + '\n';
    const folder = await makeDataFolder({ ...wellFormedFiles(), [FILE]: file });
    try {
      const problems = await stageSourceProblems(catalog, descriptorOf(catalog, 'pop_pavia_2018_2021') as DescriptorOf<'observations'>, folder.dir);
      expect(problems.errors.map(located)).toEqual([
        { file: FILE, line: 2, column: 7, rule: 'wrong-column-count' },
        { file: FILE, line: 4, column: 4, rule: 'not-a-number' },
        { file: FILE, line: 5, column: 7, rule: 'wrong-column-count' },
        { file: FILE, line: 6, column: 5, rule: 'not-a-whole-number' },
      ]);
    } finally {
      await folder.remove();
    }
  });
});
