import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatShortDate, formatValue, translate, vegaNumberLocale } from './i18n';

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

describe('date formatting', () => {
  // Intl as the reference: the dates are written out by hand to spare its calendar data on the first load.
  const dates = ['2026-12-01T19:28:20Z', '2020-01-01T00:00:00Z', '2024-02-29T23:59:59Z', '2019-07-09'];
  it('writes long dates as it-IT and en-GB do', () => {
    for (const iso of dates) {
      expect(formatDate(iso, 'it'), iso).toBe(new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)));
      expect(formatDate(iso, 'en'), iso).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)));
    }
  });

  it('writes short dates as dd/mm/yyyy, and leaves what is not a date as it is', () => {
    for (const iso of dates) {
      for (const [lang, locale] of [['it', 'it-IT'], ['en', 'en-GB']] as const) {
        expect(formatShortDate(iso, lang), iso).toBe(new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso)));
      }
    }
    expect(formatDate('not a date', 'it')).toBe('not a date');
  });
});
