import { describe, expect, it } from 'vitest';
import { indicator } from '../test/fixtures';
import { chooseIndicator } from './selection';

const missing = indicator({ code: 'DIS01', available: false, years: [], unavailableReason: { it: 'Nessuna fonte', en: 'No source' } });
const nurseries = indicator({ code: 'SUP01', years: [2022, 2023] });
const elderly = indicator({ code: 'DEM01', years: [2019, 2024] });

describe('chooseIndicator', () => {
  it('takes the first indicator with values when the link names none, passing over unavailable ones', () => {
    expect(chooseIndicator([missing, nurseries, elderly], {})).toEqual({ indicator: nurseries, year: 2023 });
  });

  it('keeps the indicator and year the link names, and the latest year when the one named has no values', () => {
    expect(chooseIndicator([missing, nurseries, elderly], { indicator: 'DEM01', year: 2019 })).toEqual({ indicator: elderly, year: 2019 });
    expect(chooseIndicator([missing, nurseries, elderly], { indicator: 'DEM01', year: 2020 })).toEqual({ indicator: elderly, year: 2024 });
  });

  it('shows an unavailable indicator when it is named, or when none has values, with no year', () => {
    expect(chooseIndicator([missing, nurseries], { indicator: 'DIS01' })).toEqual({ indicator: missing, year: null });
    expect(chooseIndicator([missing], {})).toEqual({ indicator: missing, year: null });
    expect(chooseIndicator([], {})).toEqual({ indicator: null, year: null });
  });
});
