import { describe, expect, it } from 'vitest';
import { rankByValue } from '../data/ranking';
import { indicator, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import { buildBarSpec, selectBars } from './bar';

const rows = [
  valueRow({ code: '018001', name: 'Alagna', value: 12.5 }),
  valueRow({ code: '018002', name: 'Albaredo', value: null }),
  valueRow({ code: '018110', name: 'Pavia', value: 70.25 }),
  valueRow({ code: '018177', name: 'Vigevano', value: 40 }),
];
const benchmark = valueRow({ code: '018', name: 'Provincia di Pavia', value: 31.5 });
const ind = indicator({ decimals: 2 });

function spec(overrides: Partial<Parameters<typeof buildBarSpec>[0]> = {}) {
  return buildBarSpec({ bars: selectBars(rankByValue(rows), true), benchmark, indicator: ind, lang: 'it', ...overrides });
}

describe('buildBarSpec', () => {
  it('puts the bars in descending order of value, without the rows that have none', () => {
    const data = (spec().data as { values: Array<{ label: string; value: number }> }).values;
    expect(data.map((d) => d.value)).toEqual([70.25, 40, 12.5]);
    expect(data[0]!.label).toBe('1. Pavia');
  });

  it('draws the largest value as the first bar', async () => {
    const { view } = await renderSpec(spec());
    expect(view.scale('y').domain()).toEqual(['1. Pavia', '2. Vigevano', '3. Alagna']);
  });

  it('draws the benchmark as a labelled rule at its value', async () => {
    const layers = (spec() as { layer: Array<{ mark: { type: string }; data?: { values: unknown[] } }> }).layer;
    const rule = layers.find((l) => l.mark.type === 'rule');
    expect(rule?.data?.values).toEqual([{ value: 31.5, label: 'Provincia di Pavia: 31,50' }]);
    const { svg } = await renderSpec(spec());
    expect(svg).toContain('Provincia di Pavia: 31,50');
  });

  it('leaves the rule out when the benchmark has no value', () => {
    const layers = (spec({ benchmark: valueRow({ code: '018', name: 'Provincia di Pavia', value: null }) }) as { layer: Array<{ mark: { type: string } }> }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['bar']);
  });

  it('formats the axis with Italian separators', async () => {
    const big = [valueRow({ code: 'a', name: 'A', value: 70971 }), valueRow({ code: 'b', name: 'B', value: 1500 })];
    const { svg } = await renderSpec(buildBarSpec({ bars: rankByValue(big), benchmark: null, indicator: indicator(), lang: 'it' }));
    expect(svg).toMatch(/>\d0\.000</);
  });

  it('renders with no bars at all', async () => {
    await expect(renderSpec(spec({ bars: [] }))).resolves.toBeDefined();
  });
});

describe('selectBars', () => {
  const many = rankByValue(Array.from({ length: 40 }, (_, i) => valueRow({ code: `c${i}`, name: `C${i}`, value: i })));

  it('keeps the top and bottom n when not showing all', () => {
    const shown = selectBars(many, false, 5);
    expect(shown.map((r) => r.value)).toEqual([39, 38, 37, 36, 35, 4, 3, 2, 1, 0]);
  });

  it('shows all when asked or when there are few', () => {
    expect(selectBars(many, true, 5)).toHaveLength(40);
    expect(selectBars(many.slice(0, 8), false, 5)).toHaveLength(8);
  });
});
