/**
 * Physical line numbers of CSV records, for error messages. DuckDB numbers the rows it stores in file
 * order but knows nothing of lines: a quoted field may span lines and blank lines are skipped. Only the
 * few records an error names are located, by one streaming pass that counts records as DuckDB does. Rows
 * DuckDB's reader refused are not stored: the records on those lines are not counted.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The refused lines of a file in ascending order, a batch at a time (an empty batch: no more). */
export type LinesAfter = (line: number) => Promise<readonly number[]>;

const NONE_REFUSED: LinesAfter = async () => [];

/**
 * Maps data record indexes (0-based, as stored) to the physical line each starts on. `firstLine` is the
 * line of the first data record's area (the line after the header); blank lines are not records, nor are
 * the records starting on a line `refused` gives.
 */
export async function recordLines(file: string, firstLine: number, records: readonly number[], refused: LinesAfter = NONE_REFUSED): Promise<Map<number, number>> {
  const wanted = [...new Set(records)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  if (wanted.length === 0) return lines;
  let skip: readonly number[] = await refused(0);
  let skipAt = 0;
  let next = 0;
  let line = 1;
  let record = -1;
  let inQuotes = false;
  let atLineStart = true;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      if (line >= firstLine && atLineStart && !inQuotes && byte !== LF && byte !== CR) {
        while (skipAt === skip.length && skip.length > 0 && skip[skip.length - 1]! < line) {
          skip = await refused(skip[skip.length - 1]!);
          skipAt = 0;
        }
        while (skipAt < skip.length && skip[skipAt]! < line) skipAt += 1;
        if (skipAt < skip.length && skip[skipAt] === line) {
          skipAt += 1;
        } else {
          record += 1;
          if (record === wanted[next]) {
            lines.set(record, line);
            next += 1;
            if (next === wanted.length) return lines;
          }
        }
      }
      if (byte === QUOTE) inQuotes = !inQuotes;
      if (byte === LF) {
        line += 1;
        if (!inQuotes) atLineStart = true;
      } else if (byte !== CR) {
        atLineStart = false;
      }
    }
  }
  return lines;
}
