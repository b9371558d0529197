import { describe, expect, it } from 'vitest';
import type { GapRow, Gaps } from '../api/pages';
import { indicator, snapshot, valueRow } from '../test/fixtures';
import { highNeedLowSupply, needPoints, quadrantOf, shortfallValues, supplyPairs } from './needs';

const gap = (code: string, shortfall: number | null): GapRow => ({ ...valueRow({ code, name: code }), shortfall });

describe('quadrantOf', () => {
  it('splits at the benchmarks: need above and supply below is the quadrant that asks for action', () => {
    expect(quadrantOf(5, 20, 4, 30)).toBe('highNeedLowSupply');
    expect(quadrantOf(5, 40, 4, 30)).toBe('highNeedHighSupply');
    expect(quadrantOf(3, 20, 4, 30)).toBe('lowNeedLowSupply');
    expect(quadrantOf(3, 40, 4, 30)).toBe('lowNeedHighSupply');
    // On the line is not above it, nor below.
    expect(quadrantOf(4, 30, 4, 30)).toBe('lowNeedHighSupply');
  });
});

describe('needPoints and highNeedLowSupply', () => {
  const need = [valueRow({ code: 'A', name: 'Alfa', value: 6 }), valueRow({ code: 'B', name: 'Beta', value: 5 }), valueRow({ code: 'C', name: 'Gamma', value: 7 }), valueRow({ code: 'D', name: 'Delta', value: null }), valueRow({ code: 'E', name: 'Eta', value: 2 })];
  const supply = [
    valueRow({ code: 'A', name: 'Alfa', value: 10 }),
    valueRow({ code: 'B', name: 'Beta', value: 20, smallNumber: true }),
    valueRow({ code: 'C', name: 'Gamma', value: 25, suppressed: true }),
    valueRow({ code: 'D', name: 'Delta', value: 5 }),
    valueRow({ code: 'E', name: 'Eta', value: 1 }),
  ];
  const points = needPoints(need, supply, [gap('A', 3.2), gap('B', 7.5)], 4, 30);

  it('leaves out territories without both values or with a suppressed one, never drawing them as zero', () => {
    expect(points.map((p) => p.code)).toEqual(['A', 'B', 'E']);
    expect(points.find((p) => p.code === 'B')).toMatchObject({ need: 5, supply: 20, shortfall: 7.5, smallNumber: true, quadrant: 'highNeedLowSupply' });
    expect(points.find((p) => p.code === 'E')).toMatchObject({ shortfall: null, quadrant: 'lowNeedLowSupply' });
  });

  it('lists the high-need low-supply comuni by largest shortfall first', () => {
    expect(highNeedLowSupply(points).map((p) => p.code)).toEqual(['B', 'A']);
  });
});

describe('supplyPairs', () => {
  it('pairs each supply indicator with its need when both are in the catalogue', () => {
    const catalogue = [indicator({ code: 'DEM08', area: 'minori_famiglia' }), indicator({ code: 'SUP01', area: 'minori_famiglia' }), indicator({ code: 'SUP02', area: 'anziani' })];
    expect(supplyPairs(catalogue).map((p) => [p.supply.code, p.need.code, p.area])).toEqual([['SUP01', 'DEM08', 'minori_famiglia']]);
  });
});

describe('shortfallValues', () => {
  it('maps each shortfall to whole units, and no figure to no data', () => {
    const gaps = { indicator: indicator({ code: 'SUP01', target: 33 }), target: 33, level: 'comune', parent: 'PV-E1', year: 2023, snapshot: snapshot(), rows: [gap('A', 1.2), gap('B', 0), gap('C', null)], totalShortfall: 1.2, rowsWithoutShortfall: 1, sources: [], synthetic: true } satisfies Gaps;
    const values = shortfallValues(gaps, { it: 'unità mancanti', en: 'units missing' });
    expect(values.rows.map((r) => r.value)).toEqual([2, 0, null]);
    expect(values.indicator).toMatchObject({ decimals: 0, polarity: 'higher_worse', unit: { it: 'unità mancanti' } });
  });
});
