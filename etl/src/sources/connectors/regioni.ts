import { parseDecimal, parseRegioneCode, requireText } from '../cells.js';
import type { DescriptorOf } from '../descriptor.js';
import { SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';

export interface RegioneRecord {
  /** 2 digits, e.g. '03'. */
  readonly code: string;
  readonly name: string;
  readonly areaKm2: number | null;
  readonly line: number;
}

export function readRegioni(input: SourceText, descriptor: DescriptorOf<'regioni'>, keys: KeyRegistry): ConnectorOutput<RegioneRecord> {
  const { parse, columns } = descriptor;
  const table = readDescribedTable(input, parse, columns);
  const errors = new SourceErrorCollector();
  const records: RegioneRecord[] = [];
  for (const row of table.rows(errors)) {
    errors.attempt(() => {
      const code = parseRegioneCode(row.cell('code'));
      keys.claim(code, row.cell('code'), `regione ${code}`, 'one row per regione');
      records.push({
        code,
        name: requireText(row.cell('name'), 'the name of the regione'),
        areaKm2: table.has('area_km2') ? parseDecimal(row.cell('area_km2'), parse, { allowEmpty: true }) : null,
        line: row.line,
      });
    });
  }
  table.requireDataRows();
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead };
}
