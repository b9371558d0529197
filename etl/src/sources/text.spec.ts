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

  it('reads windows-1252, where 0x80 is the euro sign, 0x92 an apostrophe and 0x9E "ž"', () => {
    expect(decodeSourceText(FILE, Uint8Array.from([0x80, 0x3b, 0xe8, 0x3b, 0x92, 0x9e]), 'windows-1252')).toBe('€;è;’ž');
  });

  it('reads latin-1 as ISO-8859-1', () => {
    expect(decodeSourceText(FILE, Uint8Array.from([0xa0, 0x3b, 0xe8, 0xff]), 'latin-1')).toBe('\u00a0;èÿ');
  });

  it('refuses a windows-1252 file declared latin-1, where "Nabrežina" would load with an invisible control character', async () => {
    const bytes = encodeText('codice;nome\n032001;Duino Aurisina-Devin Nabrežina\n', 'windows-1252');
    const error = await onlyErrorOf(() => decodeSourceText(FILE, bytes, 'latin-1'));
    expect(error).toMatchObject({ file: FILE, line: 2, column: 34, rule: 'bad-encoding' });
    expect(error.message).toContain('byte 0x9E is a control character in latin-1 ("ž" in windows-1252), expected latin-1 text as declared in datasets/sources.yaml; declare parse.encoding: windows-1252');
  });

  it.each(['81', '8D', '8F', '90', '9D'])('refuses byte 0x%s, which has no character in windows-1252', async (hex) => {
    const error = await onlyErrorOf(() => decodeSourceText(FILE, Uint8Array.from([0x41, 0x0a, 0x42, Number.parseInt(hex, 16)]), 'windows-1252'));
    expect(error).toMatchObject({ line: 2, column: 2, rule: 'bad-encoding' });
    expect(error.message).toContain(`byte 0x${hex} has no character in windows-1252, expected windows-1252 text as declared in datasets/sources.yaml`);
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
