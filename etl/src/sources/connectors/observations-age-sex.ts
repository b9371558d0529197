/**
 * ISTAT's POSAS / STRASA layout: one row per comune × age (0…100, 100 meaning 100 and over; 999 the
 * comune's total), residents by sex in the columns "Totale maschi", "Totale femmine", "Totale"; the year
 * is in the file name. Rows are sorted by comune name, not code, so rows are gathered by code.
 * Older editions add columns by marital status: columns are read by name and the others ignored.
 */
import path from 'node:path';
import { cellError, parseComuneCode, parseCount, type Cell } from '../cells.js';
import type { AgeSexObservationsDescriptor } from '../descriptor.js';
import { SourceError, SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';
import { ONE_VALUE_PER_KEY, type ObservationRecord } from './observation.js';

const TOTAL_AGE = 999;
const OPEN_AGE = 100;
/** Slot of the 999 row among a comune's ages 0…100. */
const TOTAL_SLOT = OPEN_AGE + 1;

type BySex<T> = [male: T, female: T, total: T];

/** One comune's rows in a file: where each age was given, the sums of its ages, and its 999 row. */
interface ComuneAges {
  readonly firstLine: number;
  readonly codeColumn: number;
  /** Line of each age's row (index TOTAL_SLOT for 999); 0 while not seen. */
  readonly lineOfAge: Int32Array;
  readonly agesSum: BySex<number>;
  total?: { readonly cells: BySex<Cell>; readonly values: BySex<number> };
}

export function readAgeSexObservations(input: SourceText, descriptor: AgeSexObservationsDescriptor, keys: KeyRegistry): ConnectorOutput<ObservationRecord> {
  const { file } = input;
  const year = yearFromFileName(file, descriptor.year_from_file);
  const [{ variable }] = descriptor.values;
  const { parse } = descriptor;
  const table = readDescribedTable(input, parse, descriptor.columns, true);
  const errors = new SourceErrorCollector();
  const records: ObservationRecord[] = [];
  const comuni = new Map<string, ComuneAges>();

  for (const row of table.rows(errors)) {
    errors.attempt(() => {
      const { line } = row;
      const codeCell = row.cell('code');
      const code = parseComuneCode(codeCell);
      const ageCell = row.cell('age');
      const age = parseAge(ageCell);
      const cells: BySex<Cell> = [row.cell('male'), row.cell('female'), row.cell('total')];
      const values: BySex<number> = [parseCount(cells[0], parse), parseCount(cells[1], parse), parseCount(cells[2], parse)];
      const [male, female, total] = values;
      if (male + female !== total) {
        throw cellError(cells[2], 'total-mismatch', `is not males + females (${male} + ${female} = ${male + female})`, 'the total of each row to equal males plus females');
      }

      let comune = comuni.get(code);
      if (!comune) {
        // Across files of the source: the same comune and year twice (e.g. a file saved twice).
        keys.claim(`${variable}|${year}|${code}`, codeCell, `${variable} ${year} of comune ${code}`, ONE_VALUE_PER_KEY);
        comune = { firstLine: line, codeColumn: codeCell.column, lineOfAge: new Int32Array(TOTAL_SLOT + 1), agesSum: [0, 0, 0] };
        comuni.set(code, comune);
      }
      const slot = age === TOTAL_AGE ? TOTAL_SLOT : age;
      const firstLine = comune.lineOfAge[slot]!;
      if (firstLine !== 0) {
        throw new SourceError({ file, line, column: ageCell.column, rule: 'duplicate-key', explanation: `age ${age} of comune ${code} was already given on line ${firstLine}; expected ${ONE_VALUE_PER_KEY}` });
      }
      comune.lineOfAge[slot] = line;
      if (slot === TOTAL_SLOT) {
        comune.total = { cells, values };
      } else {
        comune.agesSum[0] += male;
        comune.agesSum[1] += female;
        comune.agesSum[2] += total;
      }

      const ageBand = AGE_BANDS[slot]!;
      const codeColumn = codeCell.column;
      records.push(
        { code, year, variable, sex: 'M', ageBand, value: male, file, line, codeColumn, valueColumn: cells[0].column },
        { code, year, variable, sex: 'F', ageBand, value: female, file, line, codeColumn, valueColumn: cells[1].column },
        { code, year, variable, sex: 'T', ageBand, value: total, file, line, codeColumn, valueColumn: cells[2].column },
      );
    });
  }
  if (errors.size === 0) checkTotals(file, comuni, errors);
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead };
}

/** Each comune's 999 row must be the sum of its ages, for each sex. */
function checkTotals(file: string, comuni: ReadonlyMap<string, ComuneAges>, errors: SourceErrorCollector): void {
  for (const [code, comune] of comuni) {
    if (!comune.total) {
      errors.add(new SourceError({ file, line: comune.firstLine, column: comune.codeColumn, rule: 'missing-total', explanation: `comune ${code} has no row for age ${TOTAL_AGE} (its total); expected one besides its ages 0-${OPEN_AGE}` }));
      continue;
    }
    const { cells, values } = comune.total;
    cells.forEach((cell, i) => {
      const sum = comune.agesSum[i]!;
      if (values[i] !== sum) {
        errors.add(cellError(cell, 'total-mismatch', `on the age ${TOTAL_AGE} row of comune ${code} is not the sum of its ages 0-${OPEN_AGE} (${sum})`, `the ${TOTAL_AGE} row to equal the sum of the ages`));
      }
    });
  }
}

function parseAge(cell: Cell): number {
  const age = /^\d{1,3}$/.test(cell.text) ? Number(cell.text) : NaN;
  if (!(age <= OPEN_AGE || age === TOTAL_AGE)) throw cellError(cell, 'bad-age', 'is not an age', `an age from 0 to ${OPEN_AGE} (${OPEN_AGE} meaning ${OPEN_AGE} and over), or ${TOTAL_AGE} for the total`);
  return age;
}

/** Age band of each slot: Y0…Y99, Y100- (open ended), TOT. */
const AGE_BANDS = Array.from({ length: TOTAL_SLOT + 1 }, (_, slot) => (slot === TOTAL_SLOT ? 'TOT' : slot === OPEN_AGE ? `Y${OPEN_AGE}-` : `Y${slot}`));

function yearFromFileName(file: string, pattern: string): number {
  const name = path.posix.basename(file);
  const year = new RegExp(pattern).exec(name)?.[1];
  if (year === undefined || !/^\d{4}$/.test(year)) {
    throw new SourceError({ file, line: 0, column: 0, rule: 'no-year', explanation: `the file name "${name}" does not give the year through year_from_file /${pattern}/; expected a name like POSAS_2025_it_Comuni.csv` });
  }
  return Number(year);
}
