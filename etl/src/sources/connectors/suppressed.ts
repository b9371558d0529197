import { parseComuneCode, parseDateIt, parseFlag, requireText } from '../cells.js';
import type { DescriptorOf } from '../descriptor.js';
import { SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';

export interface SuppressedRecord {
  readonly code: string;
  readonly name: string;
  readonly date: string;
  /** The comune it went into; '' when it went into none (ceded to a foreign state: "Stato estero"). */
  readonly newCode: string;
  readonly newName: string;
  /** Split among several comuni (scorporo): one row per comune that received a part. */
  readonly split: boolean;
  readonly line: number;
}

/** ISTAT's list of suppressed comuni: each suppression, its date and the comune it went into. */
export function readSuppressed(input: SourceText, descriptor: DescriptorOf<'suppressed'>, keys: KeyRegistry): ConnectorOutput<SuppressedRecord> {
  const table = readDescribedTable(input, descriptor.parse, descriptor.columns);
  const errors = new SourceErrorCollector();
  const records: SuppressedRecord[] = [];
  for (const row of table.rows(errors)) {
    errors.attempt(() => {
      const code = parseComuneCode(row.cell('code'));
      const date = parseDateIt(row.cell('date'));
      const newCodeCell = row.cell('new_code');
      const newCode = newCodeCell.text === '' ? '' : parseComuneCode(newCodeCell);
      keys.claim(`${code}|${date}|${newCode}`, row.cell('code'), `the suppression of ${code} into ${newCode || 'no comune'} on ${date}`, 'one row per suppressed comune, date and receiving comune');
      records.push({
        code,
        name: requireText(row.cell('name'), 'the name of the suppressed comune'),
        date,
        newCode,
        newName: row.cell('new_name').text,
        split: parseFlag(row.cell('split')),
        line: row.line,
      });
    });
  }
  table.requireDataRows();
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead };
}
