import { parseDecimal, parseProvinciaCode, parseRegioneCode, requireText } from '../cells.js';
import type { DescriptorOf } from '../descriptor.js';
import { SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';

export interface ProvinciaRecord {
  /** 3 digits, e.g. '018'. */
  readonly code: string;
  readonly name: string;
  /** 2 digits, e.g. '03'. */
  readonly regioneCode: string;
  readonly areaKm2: number | null;
  /** The two-letter sigla (PV), when the source gives it: registers write provinces so. */
  readonly sigla?: string | null;
  readonly line: number;
}

/** Province, città metropolitane and other supra-comunal units. */
export function readProvince(input: SourceText, descriptor: DescriptorOf<'province'>, keys: KeyRegistry): ConnectorOutput<ProvinciaRecord> {
  const { parse, columns } = descriptor;
  const table = readDescribedTable(input, parse, columns);
  const errors = new SourceErrorCollector();
  const records: ProvinciaRecord[] = [];
  for (const row of table.rows(errors)) {
    errors.attempt(() => {
      const code = parseProvinciaCode(row.cell('code'));
      keys.claim(code, row.cell('code'), `provincia ${code}`, 'one row per provincia');
      records.push({
        code,
        name: requireText(row.cell('name'), 'the name of the provincia'),
        regioneCode: parseRegioneCode(row.cell('regione_code')),
        areaKm2: table.has('area_km2') ? parseDecimal(row.cell('area_km2'), parse, { allowEmpty: true }) : null,
        sigla: table.has('sigla') ? row.cell('sigla').text.trim() || null : null,
        line: row.line,
      });
    });
  }
  table.requireDataRows();
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead };
}
