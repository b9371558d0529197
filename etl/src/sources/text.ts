import type { SourceEncoding } from './descriptor.js';
import { SourceError } from './errors.js';

const LINE_FEED = 0x0a;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a published file in the encoding its descriptor declares. A file in another encoding fails
 * with the position of the first byte that gives it away, rather than loading garbled names.
 */
export function decodeSourceText(file: string, bytes: Uint8Array, encoding: SourceEncoding): string {
  rejectUtf16(file, bytes, `${encoding} as declared in datasets/sources.yaml`, `save it again as ${encoding}`);
  switch (encoding) {
    case 'utf-8':
      return decodeUtf8(file, bytes, 'utf-8 as declared in datasets/sources.yaml', 'the file may be windows-1252 or latin-1: declare that as parse.encoding');
    case 'windows-1252':
      rejectUtf8(file, bytes, encoding);
      rejectNotText(file, bytes, encoding);
      return decodeWindows1252(bytes);
    case 'latin-1':
      rejectUtf8(file, bytes, encoding);
      rejectNotText(file, bytes, encoding);
      return decodeLatin1(bytes);
  }
}

const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const LATIN_1_CONTROLS = Array.from({ length: 0x20 }, (_, i) => 0x80 + i);

export type OneByteEncoding = 'windows-1252' | 'latin-1';

/**
 * Bytes a one-byte encoding gives no character of text: NUL (the file is UTF-16, or not text), the five
 * windows-1252 leaves undefined, and the invisible controls latin-1 gives 0x80-0x9F (no published name
 * holds one: such a byte means the file is windows-1252, where ISTAT's "Nabrežina" is 0x9E).
 */
const NOT_TEXT: Record<OneByteEncoding, readonly number[]> = {
  'windows-1252': [0x00, ...WINDOWS_1252_UNDEFINED],
  'latin-1': [0x00, ...LATIN_1_CONTROLS],
};

/** Offset of the first byte that is not text in a one-byte encoding, or -1: one native search per such byte. */
export function firstNotTextByte(bytes: Uint8Array, encoding: OneByteEncoding): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let first = -1;
  for (const byte of NOT_TEXT[encoding]) {
    const at = buffer.indexOf(byte, 0);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

/** The error for a byte found by firstNotTextByte, at its line and character column (one byte, one character). */
export function notTextError(file: string, line: number, column: number, byte: number, encoding: OneByteEncoding): SourceError {
  const expected = `${encoding} as declared in datasets/sources.yaml`;
  if (byte === 0) return nulError(file, line, column, expected, `save it again as ${encoding}`);
  if (encoding === 'windows-1252') {
    return new SourceError({ file, line, column, rule: 'bad-encoding', explanation: `byte 0x${hex(byte)} has no character in windows-1252, expected windows-1252 text as declared in datasets/sources.yaml; the file is in another encoding` });
  }
  const [windows1252, advice] = WINDOWS_1252_UNDEFINED.has(byte)
    ? ['and has no character in windows-1252 either', 'the file is in another encoding']
    : [`("${WINDOWS_1252_HIGH[byte - 0x80]!}" in windows-1252)`, 'declare parse.encoding: windows-1252'];
  return new SourceError({
    file,
    line,
    column,
    rule: 'bad-encoding',
    explanation: `byte 0x${hex(byte)} is a control character in latin-1 ${windows1252}, expected latin-1 text as declared in datasets/sources.yaml; ${advice}`,
  });
}

function rejectNotText(file: string, bytes: Uint8Array, encoding: OneByteEncoding): void {
  const offset = firstNotTextByte(bytes, encoding);
  if (offset === -1) return;
  const { line, column } = positionOf(bytes, offset);
  throw notTextError(file, line, column, bytes[offset]!, encoding);
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** Decodes a file that is UTF-8 by definition (the YAML catalogues), failing at its first bad byte. */
export function decodeUtf8Text(file: string, bytes: Uint8Array): string {
  const fix = 'save it again as UTF-8 (in a text editor: Save as…, encoding UTF-8)';
  rejectUtf16(file, bytes, 'UTF-8', fix);
  return decodeUtf8(file, bytes, 'UTF-8', `the file may be windows-1252 or latin-1: ${fix}`);
}

/**
 * Characters of windows-1252 bytes 0x80-0x9F (the rest is ISO-8859-1). Node 20's TextDecoder('windows-1252')
 * decodes these as latin-1 control characters, so "’" in an ISTAT name would be lost: decode them here.
 */
export const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  return decodeLatin1(bytes).replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** `expected`: the encoding the file should have, and where that is said; `fix`: what the user should do. */
function rejectUtf16(file: string, bytes: Uint8Array, expected: string, fix: string): void {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'little-endian' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'big-endian' : null;
  if (bom !== null) {
    throw new SourceError({ file, line: 1, column: 1, rule: 'bad-encoding', explanation: `file is UTF-16 (${bom}, it starts with a byte-order mark), expected ${expected}; ${fix}` });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOf(bytes, nul);
    throw nulError(file, line, column, expected, fix);
  }
}

function nulError(file: string, line: number, column: number, expected: string, fix: string): SourceError {
  return new SourceError({ file, line, column, rule: 'bad-encoding', explanation: `file contains NUL bytes, so it is UTF-16 or not text at all, expected ${expected}; ${fix}` });
}

function decodeUtf8(file: string, bytes: Uint8Array, expected: string, fix: string): string {
  try {
    return strictUtf8.decode(bytes); // also drops a leading byte-order mark
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    const { line, column } = positionOf(bytes, offset);
    const byte = bytes[offset]!;
    throw new SourceError({
      file,
      line,
      column,
      rule: 'bad-encoding',
      explanation: `byte 0x${hex(byte)} ("${decodeWindows1252(bytes.subarray(offset, offset + 1))}" in windows-1252) is not valid UTF-8, expected ${expected}; ${fix}`,
    });
  }
}

/** A file declared in a one-byte encoding that is really UTF-8 would load with names like "AgliÃ¨". */
function rejectUtf8(file: string, bytes: Uint8Array, encoding: SourceEncoding): void {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const firstNonAscii = bytes.findIndex((b) => b >= 0x80);
  if (firstNonAscii === -1) return;
  if (!hasBom && firstInvalidUtf8Byte(bytes) !== -1) return;
  const { line, column } = positionOf(bytes, hasBom ? 0 : firstNonAscii);
  throw new SourceError({ file, line, column, rule: 'bad-encoding', explanation: `file is UTF-8${hasBom ? ' (it starts with a byte-order mark)' : ''}, expected ${encoding} as declared in datasets/sources.yaml; declare parse.encoding: utf-8` });
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/** 1-based line and character column of a byte offset, counting characters as far as they decode. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(LINE_FEED); i !== -1 && i < offset; i = bytes.indexOf(LINE_FEED, i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}
