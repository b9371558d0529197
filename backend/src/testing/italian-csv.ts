/**
 * Reads CSV as an Italian spreadsheet would: a UTF-8 BOM, ';' between fields, quoted fields (RFC 4180),
 * decimal comma. Written for the tests, independently of the API's writer (core/http/csv.ts).
 */
export function parseItalianCsv(text: string): { bom: boolean; header: string[]; rows: string[][] } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return { bom, header, rows };
}

/** A cell as a number read with a decimal comma; '' is null. */
export function italianNumber(cell: string): number | null {
  if (cell === '') return null;
  if (!/^-?\d+(,\d+)?$/.test(cell)) throw new Error(`"${cell}" is not a number with a decimal comma`);
  return Number(cell.replace(',', '.'));
}

/** The bytes as UTF-8 text with the BOM kept (fetch's text() drops it). */
export function csvText(bytes: ArrayBuffer): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
