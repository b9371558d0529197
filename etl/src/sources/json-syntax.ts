import { excerpt, SourceError } from './errors.js';

/**
 * Where a JSON text stops being valid. JSON.parse only sometimes tells (Node 20 says "Unexpected token
 * 'x', … is not valid JSON" without a position), and a user needs the line and column to fix a file.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const skipWhitespace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  const expectWord = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i += 1;
    }
  };
  const string = () => {
    i += 1; // the opening quote
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      const char = text[i];
      if (char === '"') break;
      if (char === '\\') {
        i += 1;
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k += 1) {
            i += 1;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
          }
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i += 1;
    }
    i += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (): void => {
    skipWhitespace();
    const char = text[i];
    if (char === '{') return members('}', () => {
      skipWhitespace();
      if (text[i] !== '"') fail();
      string();
      skipWhitespace();
      if (text[i] !== ':') fail();
      i += 1;
      value();
    });
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === 't') return expectWord('true');
    if (char === 'f') return expectWord('false');
    if (char === 'n') return expectWord('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    fail();
  };
  const members = (close: string, member: () => void) => {
    i += 1;
    skipWhitespace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      member();
      skipWhitespace();
      if (text[i] === close) {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail();
      i += 1;
    }
  };
  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof JsonStop) return error.offset;
    throw error;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}

/** Deeper than any TopoJSON or GeoJSON boundary file (about 8 levels); deeper nesting overflows recursive code. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses a JSON document, failing with its file, line and column: where it nests deeper than
 * MAX_JSON_DEPTH, or where its syntax breaks. `expected` says what the file should be ("a TopoJSON document").
 */
export function parseJsonDocument(file: string, text: string, rule: string, expected: string): unknown {
  const tooDeep = offsetTooDeep(text, MAX_JSON_DEPTH);
  if (tooDeep !== -1) {
    throw new SourceError({ file, ...positionAt(text, tooDeep), rule: 'json-too-deep', explanation: `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels here; expected ${expected}, a few levels deep` });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonSyntaxErrorOffset(text);
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new SourceError({ file, ...positionAt(text, offset === -1 ? text.length : offset), rule, explanation: `the file is not valid JSON (${excerpt(reason, 80)}); expected ${expected}` });
  }
}

/** Offset of the first `[` or `{` opening level `maxDepth + 1`, outside strings; -1 if none. */
function offsetTooDeep(text: string, maxDepth: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // Skip the string, escapes included; an unclosed one is the syntax check's to report.
      for (i += 1; i < text.length && text.charCodeAt(i) !== 0x22; i += 1) if (text.charCodeAt(i) === 0x5c) i += 1;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return -1;
}

/** 1-based line and character column of an offset in a text. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line += 1;
  return { line, column: offset - lineStart + 1 };
}
