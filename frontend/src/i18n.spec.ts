import { describe, expect, it } from 'vitest';
import { formatCount, formatValue, translate, vegaNumberLocale } from './i18n';

describe('number formatting', () => {
  it('uses Italian separators', () => {
    expect(formatValue(70971, 0, 'it')).toBe('70.971');
    expect(formatValue(12.344, 2, 'it')).toBe('12,34');
    expect(formatValue(1234.5, 1, 'it')).toBe('1.234,5');
  });

  it('uses British separators in English', () => {
    expect(formatValue(70971, 0, 'en')).toBe('70,971');
    expect(formatValue(12.344, 2, 'en')).toBe('12.34');
  });

  it('keeps the indicator decimals, trailing zeros included', () => {
    expect(formatValue(3, 2, 'it')).toBe('3,00');
  });

  it('never shows null as zero', () => {
    expect(formatValue(null, 2, 'it')).toBe('nessun dato');
    expect(formatValue(null, 2, 'en')).toBe('no data');
    expect(formatCount(null, 'it')).toBe('nessun dato');
  });

  it('does not print a negative zero', () => {
    expect(formatValue(-0.001, 1, 'it')).toBe('0,0');
  });

  it('formats counts and areas with at most two decimals', () => {
    expect(formatCount(70971, 'it')).toBe('70.971');
    expect(formatCount(62.857, 'it')).toBe('62,86');
  });

  it('gives Vega the same separators', () => {
    expect(vegaNumberLocale('it')).toMatchObject({ decimal: ',', thousands: '.', grouping: [3], currency: ['€', ''] });
  });
});

describe('translate', () => {
  it('fills parameters', () => {
    expect(translate('it', 'missingComuni', { n: 3 })).toBe('3 comuni senza dato (non inclusi nel grafico).');
  });
});
