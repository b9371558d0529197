import { describe, expect, it } from 'vitest';
import { indicator } from '../test/fixtures';
import { areasOf, headlinesOf, MAX_HEADLINES } from './headlines';
import { trendWord } from './trendWords';

describe('headlines', () => {
  it('groups the catalogue by area, in catalogue order, and takes the chosen codes', () => {
    const catalogue = [indicator({ code: 'DEM_POP' }), indicator({ code: 'DEM01', area: 'anziani' }), indicator({ code: 'DEM04', area: 'anziani' }), indicator({ code: 'DEM02' })];
    const areas = areasOf(catalogue);
    expect(areas.map((a) => [a.code, a.indicators.map((i) => i.code)])).toEqual([['trasversale', ['DEM_POP', 'DEM02']], ['anziani', ['DEM01', 'DEM04']]]);
    expect(headlinesOf(areas[1]!).map((i) => i.code)).toEqual(['DEM04', 'DEM01']);
  });

  it('falls back to the first available indicators when none of the chosen ones is available', () => {
    const area = areasOf([indicator({ code: 'X1', area: 'nuova', available: false }), ...['X2', 'X3', 'X4', 'X5'].map((code) => indicator({ code, area: 'nuova' }))])[0]!;
    expect(headlinesOf(area).map((i) => i.code)).toEqual(['X2', 'X3', 'X4'].slice(0, MAX_HEADLINES));
  });
});

describe('trendWord', () => {
  const test = { points: 5, pValue: 0.01, slopePerYear: 1, method: 'x' };
  it('gives an arrow only to a significant trend, coloured by its assessment', () => {
    expect(trendWord({ ...test, direction: 'increasing', significant: true, assessment: 'worsening' })).toEqual({ arrow: '↑', key: 'trend_worsening', tone: 'bad' });
    expect(trendWord({ ...test, direction: 'decreasing', significant: true, assessment: 'decreasing' })).toEqual({ arrow: '↓', key: 'trend_decreasing', tone: 'neutral' });
    expect(trendWord({ ...test, direction: 'increasing', significant: false, assessment: 'not_assessed' })).toMatchObject({ arrow: '→', key: 'trendNotSignificant' });
    expect(trendWord({ ...test, direction: 'not_enough_points', significant: false, assessment: 'not_assessed' })).toMatchObject({ key: 'trend_not_assessed' });
  });
});
