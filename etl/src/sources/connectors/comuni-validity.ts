import { cellError, parseComuneCode, parseDateIt, requireText } from '../cells.js';
import type { DescriptorOf } from '../descriptor.js';
import { SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';

export interface ComuneValidityRecord {
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  /** Null: still valid. */
  readonly validTo: string | null;
  /** The cadastral (Belfiore) code, which a comune keeps when it moves to another provincia and its ISTAT code changes; null when the file has none. */
  readonly cadastral: string | null;
  readonly line: number;
}

/** The history of comune codes and names, one row per period of validity. */
export function readComuniValidity(input: SourceText, descriptor: DescriptorOf<'comuni_validity'>, keys: KeyRegistry): ConnectorOutput<ComuneValidityRecord> {
  const table = readDescribedTable(input, descriptor.parse, descriptor.columns);
  const errors = new SourceErrorCollector();
  const records: ComuneValidityRecord[] = [];
  for (const row of table.rows(errors)) {
    errors.attempt(() => {
      const code = parseComuneCode(row.cell('code'));
      const validFrom = parseDateIt(row.cell('valid_from'));
      const validTo = parseDateIt(row.cell('valid_to'), { allowEmpty: true });
      if (validTo !== null && validTo < validFrom) {
        throw cellError(row.cell('valid_to'), 'bad-date', `ends before the period starts (${validFrom})`, 'an end date on or after the start date');
      }
      keys.claim(`${code}|${validFrom}`, row.cell('valid_from'), `comune ${code} valid from ${validFrom}`, 'one row per comune and start of validity');
      const cadastral = table.has('cadastral') ? row.cell('cadastral').text.trim().toUpperCase() || null : null;
      records.push({ code, name: requireText(row.cell('name'), 'the name of the comune'), validFrom, validTo, cadastral, line: row.line });
    });
  }
  table.requireDataRows();
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead };
}

