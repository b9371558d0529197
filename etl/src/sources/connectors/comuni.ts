import { parseComuneCode, parseDecimal, parseProvinciaCode, parseRegioneCode, requireText } from '../cells.js';
import type { DescriptorOf } from '../descriptor.js';
import { SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';

export interface ComuneRecord {
  readonly code: string;
  readonly name: string;
  /** The supra-comunal unit (provincia, città metropolitana…) as 3 digits, e.g. '018'. */
  readonly provinciaCode: string;
  /** The name in the second official language; null when it has none or the list gives none. */
  readonly nameOther: string | null;
  /** The next four are null when the list does not give them (gi_comuni gives only codes of provinces). */
  readonly provinciaName: string | null;
  readonly regioneCode: string | null;
  readonly regioneName: string | null;
  /** Null when the list gives no area (ISTAT's official list has none). */
  readonly areaKm2: number | null;
  readonly line: number;
}

/** A list of comuni valid on the descriptor's reference date. */
export function readComuni(input: SourceText, descriptor: DescriptorOf<'comuni'>, keys: KeyRegistry): ConnectorOutput<ComuneRecord> {
  const { parse, columns } = descriptor;
  const table = readDescribedTable(input, parse, columns);
  const errors = new SourceErrorCollector();
  const records: ComuneRecord[] = [];
  for (const row of table.rows(errors)) {
    errors.attempt(() => {
      const code = parseComuneCode(row.cell('code'));
      keys.claim(code, row.cell('code'), `comune ${code}`, 'one row per comune');
      records.push({
        code,
        name: requireText(row.cell('name'), 'the name of the comune'),
        provinciaCode: parseProvinciaCode(row.cell('provincia_code')),
        nameOther: table.has('name_other') ? row.cell('name_other').text || null : null,
        provinciaName: table.has('provincia_name') ? requireText(row.cell('provincia_name'), 'the name of the provincia') : null,
        regioneCode: table.has('regione_code') ? parseRegioneCode(row.cell('regione_code')) : null,
        regioneName: table.has('regione_name') ? requireText(row.cell('regione_name'), 'the name of the regione') : null,
        areaKm2: table.has('area_km2') ? parseDecimal(row.cell('area_km2'), parse, { allowEmpty: true }) : null,
        line: row.line,
      });
    });
  }
  table.requireDataRows();
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead };
}
