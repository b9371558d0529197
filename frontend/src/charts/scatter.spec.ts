import { describe, expect, it } from 'vitest';
import { needPoints } from '../data/needs';
import { indicator, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import { buildScatterSpec, QUADRANT_COLOURS } from './scatter';

const need = indicator({ code: 'DEM04', name: { it: 'Residenti di 75 anni e più', en: 'Residents aged 75+' }, unit: { it: '%', en: '%' }, decimals: 2 });
const supply = indicator({ code: 'SUP02', name: { it: 'Posti letto in RSA', en: 'Care-home beds' }, unit: { it: 'posti ogni 100 anziani', en: 'beds per 100 older people' }, decimals: 1 });
const points = needPoints(
  [valueRow({ code: 'A', name: 'Alfa', value: 15.5 }), valueRow({ code: 'B', name: 'Beta', value: 11 }), valueRow({ code: 'C', name: 'Gamma', value: 14 })],
  [valueRow({ code: 'A', name: 'Alfa', value: 2.25 }), valueRow({ code: 'B', name: 'Beta', value: 9 }), valueRow({ code: 'C', name: 'Gamma', value: null })],
  [],
  13.92,
  6.3,
);
const spec = (lang: 'it' | 'en' = 'it') => buildScatterSpec({ points, need, supply, needBenchmark: { name: 'Ambito', value: 13.92 }, supplyBenchmark: { name: 'Ambito', value: 6.3 }, lang });

describe('buildScatterSpec', () => {
  it('draws one point per comune with both values, at its need and coverage, coloured by quadrant', async () => {
    const { view, svg } = await renderSpec(spec());
    const data = view.data('data_2') as Array<{ name: string; need: number; supply: number; quadrant: string }>;
    expect(data.map((d) => [d.name, d.need, d.supply, d.quadrant])).toEqual([
      ['Alfa', 15.5, 2.25, 'Bisogno alto, offerta bassa'],
      ['Beta', 11, 9, 'Bisogno basso, offerta alta'],
    ]);
    const x = view.scale('x') as (v: number) => number;
    const y = view.scale('y') as (v: number) => number;
    // High need is to the right of the need line, low supply below the supply line.
    expect(x(15.5)).toBeGreaterThan(x(13.92));
    expect(y(2.25)).toBeGreaterThan(y(6.3));
    expect(svg).toContain(QUADRANT_COLOURS.highNeedLowSupply);
    expect(svg).toContain('Alfa: Residenti di 75 anni e più 15,50, Posti letto in RSA 2,3 (Bisogno alto, offerta bassa)');
  });

  it('speaks the language chosen', async () => {
    const { svg } = await renderSpec(spec('en'));
    expect(svg).toContain('High need, low supply');
    expect(svg).toContain('beds per 100 older people');
  });
});
