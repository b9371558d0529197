import { describe, expect, it } from 'vitest';
import { decodeSourceText, firstInvalidUtf8Byte } from './text.js';
import { encodeText } from './testing/fixtures.js';
import { onlyErrorOf } from './testing/source-errors.js';

const FILE = 'territory/comuni.csv';
const TEXT = 'codice;nome\n001001;Agliè\n';

describe('decodeSourceText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeSourceText(FILE, encodeText(TEXT, 'utf-8'), 'utf-8')).toBe(TEXT);
    expect(decodeSourceText(FILE, encodeText(TEXT, 'utf-8-bom'), 'utf-8')).toBe(TEXT);
  });

  it('reads windows-1252, where 0x80 is the euro sign and 0x92 an apostrophe', () => {
    expect(decodeSourceText(FILE, Uint8Array.from([0x80, 0x3b, 0xe8, 0x3b, 0x92, 0x81]), 'windows-1252')).toBe('€;è;’\u0081');
  });

  it('reads latin-1 as ISO-8859-1, where 0x80 is a control character', () => {
    expect(decodeSourceText(FILE, Uint8Array.from([0x80, 0x3b, 0xe8]), 'latin-1')).toBe('\u0080;è');
  });

  it.each(['utf-16le', 'utf-16be'] as const)('refuses a %s file declared utf-8, at its byte-order mark', async (encoding) => {
    const error = await onlyErrorOf(() => decodeSourceText(FILE, encodeText(TEXT, encoding), 'utf-8'));
    expect(error).toMatchObject({ file: FILE, line: 1, column: 1, rule: 'bad-encoding' });
    expect(error.message).toContain('file is UTF-16');
    expect(error.message).toContain('expected utf-8 as declared in datasets/sources.yaml');
  });

  it('refuses a UTF-16 file without byte-order mark by its NUL bytes, also when declared latin-1', async () => {
    const bytes = Buffer.from(TEXT, 'utf16le');
    const error = await onlyErrorOf(() => decodeSourceText(FILE, bytes, 'latin-1'));
    expect(error).toMatchObject({ line: 1, column: 2, rule: 'bad-encoding' });
    expect(error.message).toContain('expected latin-1 as declared');
  });

  it('points at the first windows-1252 byte in a file declared utf-8', async () => {
    const error = await onlyErrorOf(() => decodeSourceText(FILE, encodeText(TEXT, 'windows-1252'), 'utf-8'));
    expect(error).toMatchObject({ file: FILE, line: 2, column: 12, rule: 'bad-encoding' });
    expect(error.message).toContain('byte 0xE8 ("è" in windows-1252) is not valid UTF-8');
    expect(error.message).toContain('may be windows-1252 or latin-1');
  });

  it('counts the column in characters, after multi-byte ones', async () => {
    const bytes = Uint8Array.from([...encodeText('é;Agliè;'), 0xe8, 0x0a]);
    expect(await onlyErrorOf(() => decodeSourceText(FILE, bytes, 'utf-8'))).toMatchObject({ line: 1, column: 9 });
  });

  it('refuses a UTF-8 file declared windows-1252, where it would load as "AgliÃ¨"', async () => {
    const error = await onlyErrorOf(() => decodeSourceText(FILE, encodeText(TEXT), 'windows-1252'));
    expect(error).toMatchObject({ line: 2, column: 12, rule: 'bad-encoding' });
    expect(error.message).toContain('file is UTF-8, expected windows-1252 as declared');
  });
});

describe('firstInvalidUtf8Byte', () => {
  it.each([
    ['valid text', [0x41, 0xc3, 0xa8, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['a truncated sequence', [0x41, 0xe2, 0x82], 1],
    ['an overlong encoding', [0xe0, 0x80, 0xaf], 0],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0],
  ])('%s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(offset);
  });
});
