import { describe, expect, it } from 'vitest';
import { parseComuneCode, parseDateIt, parseDecimal, parseFlag, parseProvinciaCode, parseRegioneCode, type Cell } from './cells.js';
import { onlyErrorOf } from './testing/source-errors.js';

const cell = (text: string, header = 'pop_res_19'): Cell => ({ file: 'population/x.csv', line: 12, column: 4, header, text });
const italian = { decimal: ',', thousands: '.' } as const;

describe('parseDecimal', () => {
  it('reads a decimal comma, a sign and a thousands separator as declared', () => {
    expect(parseDecimal(cell('45,1668971'), { decimal: ',' })).toBeCloseTo(45.1668971, 7);
    expect(parseDecimal(cell('-52,6190'), { decimal: ',' })).toBeCloseTo(-52.619, 4);
    expect(parseDecimal(cell('2.967,9289'), italian)).toBeCloseTo(2967.9289, 4);
    expect(parseDecimal(cell('13'), { decimal: ',' })).toBe(13);
    expect(parseDecimal(cell(''), { decimal: ',' }, { allowEmpty: true })).toBeNull();
  });

  it('refuses a decimal point where a comma is declared', async () => {
    expect(await onlyErrorOf(() => parseDecimal(cell('45.17', 'superficie_kmq'), { decimal: ',' }))).toMatchObject({ rule: 'not-a-number' });
  });
});

describe('parseDateIt', () => {
  it('reads dd/mm/yyyy as YYYY-MM-DD', () => {
    expect(parseDateIt(cell('01/01/2019'))).toBe('2019-01-01');
    expect(parseDateIt(cell('7/3/1861'))).toBe('1861-03-07');
    expect(parseDateIt(cell(''), { allowEmpty: true })).toBeNull();
  });

  it.each(['31/02/2019', '2019-01-01', '', '1/13/2020'])('refuses "%s"', async (text) => {
    expect(await onlyErrorOf(() => parseDateIt(cell(text, 'Data evento')))).toMatchObject({ line: 12, column: 4, rule: 'bad-date' });
  });
});

describe('codes', () => {
  it('pads comune, provincia and regione codes with leading zeros', () => {
    expect(['018110', '18110', '1001', '1'].map((text) => parseComuneCode(cell(text)))).toEqual(['018110', '018110', '001001', '000001']);
    expect(parseProvinciaCode(cell('18'))).toBe('018');
    expect(parseProvinciaCode(cell('201'))).toBe('201');
    expect(parseRegioneCode(cell('3'))).toBe('03');
  });

  it.each(['0181100', '18110.0', 'PV', '', '-1'])('refuses "%s" as a comune code', async (text) => {
    expect(await onlyErrorOf(() => parseComuneCode(cell(text, 'pro_com')))).toMatchObject({ rule: 'bad-code', column: 4 });
  });

  it('refuses a 4-digit provincia code', async () => {
    expect(await onlyErrorOf(() => parseProvinciaCode(cell('1018')))).toMatchObject({ rule: 'bad-code' });
  });
});

describe('parseFlag', () => {
  it('reads 1 as yes and 0 or empty as no', () => {
    expect(['1', '0', ''].map((text) => parseFlag(cell(text)))).toEqual([true, false, false]);
  });

  it('refuses anything else', async () => {
    expect(await onlyErrorOf(() => parseFlag(cell('si')))).toMatchObject({ rule: 'bad-flag' });
  });
});
