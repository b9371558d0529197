import { describe, expect, it } from 'vitest';
import { indicator } from '../test/fixtures';
import { mappableHeadlines } from './OverviewMap';

describe('mappableHeadlines', () => {
  it("offers the page's headlines in its order, leaving out plain counts and those without values", () => {
    const catalogue = [
      indicator({ code: 'DEM_POP', plainCount: true }),
      indicator({ code: 'DEM02' }),
      indicator({ code: 'SUP06', available: false, years: [] }),
      indicator({ code: 'DEM04', area: 'anziani' }),
      indicator({ code: 'DEM01', area: 'anziani' }),
      // Not a headline of its area: the page does not show it, so the map does not offer it.
      indicator({ code: 'DEM05', area: 'anziani' }),
    ];
    expect(mappableHeadlines(catalogue).map((i) => i.code)).toEqual(['DEM02', 'DEM04', 'DEM01']);
  });

  it('offers nothing when every headline is a plain count', () => {
    expect(mappableHeadlines([indicator({ code: 'DEM_POP', plainCount: true })])).toEqual([]);
  });
});
