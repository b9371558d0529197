import { describe, expect, it } from 'vitest';
import { indicator, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import { buildTrendSpec, trendPoints } from './trend';

const ind = indicator({ code: 'DEM04', decimals: 2, unit: { it: '%', en: '%' } });
const rows = [
  valueRow({ code: 'PV-E6', name: 'Garlasco', year: 2022, value: 13.5, ci95: { lower: 13.1, upper: 13.9 } }),
  valueRow({ code: 'PV-E6', name: 'Garlasco', year: 2023, value: null }),
  valueRow({ code: 'PV-E6', name: 'Garlasco', year: 2024, value: 14.25, ci95: { lower: 13.8, upper: 14.7 } }),
];
const benchmarks = [2022, 2023, 2024].map((year, i) => valueRow({ code: '018', name: 'Provincia di Pavia', year, value: 12 + i }));

describe('trendPoints', () => {
  it('leaves a year without a value out, never as zero', () => {
    expect(trendPoints(rows, ind, 'it').map((p) => [p.year, p.value, p.valueLabel])).toEqual([['2022', 13.5, '13,50'], ['2024', 14.25, '14,25']]);
  });
});

describe('buildTrendSpec', () => {
  it('draws the territory and its benchmark on every year of either, on one scale', async () => {
    const { view, svg } = await renderSpec(buildTrendSpec({ rows, benchmarks, indicator: ind, lang: 'it' }));
    expect((view.scale('x') as { domain(): string[] }).domain()).toEqual(['2022', '2023', '2024']);
    const y = view.scale('y') as (v: number) => number;
    expect(y(14.25)).toBeLessThan(y(12));
    expect(svg).toContain('Garlasco 2024: 14,25');
    expect(svg).toContain('Provincia di Pavia 2023: 13,00');
    expect(svg).not.toContain('Garlasco 2023');
  });
});
