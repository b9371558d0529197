/**
 * Observations in the wide layout: one row per comune, one column per value (e.g. `pop_res_18`,
 * `pop_res_19`…), each column mapped by the descriptor onto a variable, sex, age band and year.
 *
 * An empty value cell means the publisher gives no value there (Colli Verdi, created in 2019, has none
 * for 2018): it is skipped and counted as not published. Any text that is not a number is an error.
 */
import { parseComuneCode, parseCount, parseYear } from '../cells.js';
import type { WideObservationsDescriptor } from '../descriptor.js';
import { SourceErrorCollector } from '../errors.js';
import type { KeyRegistry } from '../keys.js';
import { readDescribedTable, type ConnectorOutput, type SourceText } from './connector.js';
import { describeObservation, observationKey, ONE_VALUE_PER_KEY, type ObservationRecord } from './observation.js';

export function readWideObservations(input: SourceText, descriptor: WideObservationsDescriptor, keys: KeyRegistry): ConnectorOutput<ObservationRecord> {
  const { parse, values } = descriptor;
  const columns: Record<string, readonly string[] | undefined> = { code: descriptor.columns.code };
  values.forEach((value, i) => {
    columns[`value${i}`] = value.column;
    columns[`year${i}`] = value.year_column;
  });
  const table = readDescribedTable(input, parse, columns);
  const errors = new SourceErrorCollector();
  const records: ObservationRecord[] = [];
  let notPublished = 0;
  for (const row of table.rows(errors)) {
    const codeCell = row.cell('code');
    const code = errors.attempt(() => parseComuneCode(codeCell));
    if (code === undefined) continue;
    values.forEach(({ variable, sex, age_band: ageBand, year: fixedYear }, i) => {
      errors.attempt(() => {
        const valueCell = row.cell(`value${i}`);
        const value = parseCount(valueCell, parse, { allowEmpty: true });
        if (value === null) {
          notPublished += 1;
          return;
        }
        const year = fixedYear ?? parseYear(row.cell(`year${i}`));
        const record: ObservationRecord = { code, year, variable, sex, ageBand, value, file: input.file, line: row.line, codeColumn: codeCell.column, valueColumn: valueCell.column };
        keys.claim(observationKey(record), valueCell, describeObservation(record), ONE_VALUE_PER_KEY);
        records.push(record);
      });
    });
  }
  errors.throwIfAny();
  return { records, rowsRead: table.rowsRead, notPublished };
}
