import { SourceError } from './errors.js';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  readonly line: number;
  readonly fields: string[];
  /** Whether each field was written between quotes. */
  readonly quoted: boolean[];
  /** Physical line where each field starts; present only when a quoted field spans lines. */
  readonly fieldLines?: number[];
}

export interface TokenizeOptions {
  readonly delimiter: string;
  /** Offset in the text where tokenizing starts (the start of a line). */
  readonly start?: number;
  /** Line number of the line at `start`. */
  readonly firstLine?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 records of a decoded text: `"` quoting with `""` as an escaped quote, quoted fields may hold
 * delimiters and line breaks, lines end in LF or CRLF. A line without quotes is split in one call; only
 * lines with quotes are scanned field by field.
 */
export function* tokenizeCsv(file: string, text: string, options: TokenizeOptions): Generator<CsvRecord> {
  const { delimiter } = options;
  if (delimiter.length !== 1) throw new Error(`a CSV delimiter is one character, got "${delimiter}"`);
  const delimiterCode = delimiter.charCodeAt(0);
  const end = text.length;
  let position = options.start ?? 0;
  let line = options.firstLine ?? 1;
  let nextQuote = text.indexOf('"', position);

  while (position < end) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd === -1) lineEnd = end;
    const contentEnd = lineEnd > position && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    if (nextQuote !== -1 && nextQuote < position) nextQuote = text.indexOf('"', position);

    if (nextQuote === -1 || nextQuote >= contentEnd) {
      const fields = text.slice(position, contentEnd).split(delimiter);
      yield { line, fields, quoted: new Array<boolean>(fields.length).fill(false) };
      position = lineEnd + 1;
      line += 1;
      continue;
    }

    // A line with quotes: scan it field by field; a quoted field may carry the record over further lines.
    const recordLine = line;
    const fields: string[] = [];
    const quoted: boolean[] = [];
    let fieldLines: number[] | undefined;
    let lineStart = position;
    for (;;) {
      const fieldLine = line;
      if (text.charCodeAt(position) === QUOTE) {
        const openAt = position;
        const openColumn = fields.length + 1;
        const openCharacter = openAt - lineStart + 1;
        const unterminated = (problem: string) =>
          new SourceError({ file, line: fieldLine, column: openColumn, rule: 'unterminated-quote', explanation: `the quote that opens field ${openColumn} (character ${openCharacter}) ${problem}` });
        const field = quotedField(text, openAt);
        if (!field) throw unterminated('is never closed; expected a closing " before the end of the file');
        position = field.after;
        for (let newline = text.indexOf('\n', openAt); newline !== -1 && newline < position; newline = text.indexOf('\n', newline + 1)) {
          line += 1;
          lineStart = newline + 1;
        }
        fields.push(field.value);
        quoted.push(true);
        const next = text.charCodeAt(position);
        if (position < end && next !== delimiterCode && next !== LF && !(next === CR && text.charCodeAt(position + 1) === LF)) {
          // Over several lines and followed by text: most likely the opening quote was never closed.
          if (line !== fieldLine) {
            throw unterminated(`is not closed on its line; the next quote, on line ${line}, is followed by text; expected a closing " for each opening one`);
          }
          throw new SourceError({
            file,
            line,
            column: fields.length,
            rule: 'stray-quote',
            explanation: `field ${fields.length} has text after its closing quote (character ${position - lineStart + 1}); expected '${printable(delimiter)}' or the end of the line after a quoted field (write a quote inside a quoted field as "")`,
          });
        }
      } else {
        let stop = position;
        while (stop < end) {
          const code = text.charCodeAt(stop);
          if (code === delimiterCode || code === LF || (code === CR && text.charCodeAt(stop + 1) === LF)) break;
          stop += 1;
        }
        fields.push(text.slice(position, stop));
        quoted.push(false);
        position = stop;
      }
      if (line !== recordLine || fieldLines !== undefined) (fieldLines ??= fields.map(() => recordLine))[fields.length - 1] = fieldLine;

      if (position >= end) break;
      const code = text.charCodeAt(position);
      if (code === delimiterCode) {
        position += 1;
        if (position >= end) {
          fields.push('');
          quoted.push(false);
          fieldLines?.push(line);
          break;
        }
        continue;
      }
      position += code === CR ? 2 : 1; // the end of the record's last line
      break;
    }
    yield fieldLines ? { line: recordLine, fields, quoted, fieldLines } : { line: recordLine, fields, quoted };
    line += 1;
  }
}

/** The value of the quoted field whose opening quote is at `openAt`, and the offset after its closing quote; null if it never closes. */
function quotedField(text: string, openAt: number): { value: string; after: number } | null {
  let value = '';
  let segmentStart = openAt + 1;
  for (;;) {
    const close = text.indexOf('"', segmentStart);
    if (close === -1) return null;
    if (text.charCodeAt(close + 1) !== QUOTE) return { value: value + text.slice(segmentStart, close), after: close + 1 };
    value += text.slice(segmentStart, close + 1); // "" is an escaped quote: keep one
    segmentStart = close + 2;
  }
}

/** The offset just after `count` lines from `start`, or -1 when the text has fewer lines. */
export function offsetAfterLines(text: string, count: number, start = 0): number {
  let position = start;
  for (let i = 0; i < count; i += 1) {
    const newline = text.indexOf('\n', position);
    if (newline === -1) return -1;
    position = newline + 1;
  }
  return position;
}

/** The text of the physical line starting at `start`, without its line break. */
export function lineAt(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  const lineEnd = newline === -1 ? text.length : newline;
  return text.slice(start, text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd);
}

export function printable(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}
