import { describe, expect, it } from 'vitest';
import { rankByValue } from '../data/ranking';
import { indicator, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import type { View } from 'vega';
import { buildBarAxisSpec, buildBarSpec, selectBars, wrapName } from './bar';

interface Box { x1: number; y1: number; x2: number; y2: number }

/** Bounds of every item Vega drew for marks of `type` (rect, text, rule…), read from the scenegraph. */
function drawn(view: View, type: string, role?: string): Box[] {
  const found: Box[] = [];
  const visit = (node: { marktype?: string; role?: string; items?: unknown[]; bounds?: Box }) => {
    if (node.marktype === type && (role === undefined || node.role === role)) {
      for (const item of (node.items ?? []) as Array<{ bounds: Box }>) found.push(item.bounds);
    }
    for (const child of (node.items ?? []) as Array<typeof node>) if (child && typeof child === 'object') visit(child);
  };
  visit((view.scenegraph() as unknown as { root: typeof found[0] & { items: unknown[] } }).root as never);
  return found;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

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
    expect(view.scale('y').domain()).toEqual([' ', '1. Pavia', '2. Vigevano', '3. Alagna']); // the benchmark's label row first
  });

  it('draws the benchmark as a labelled rule at its value', async () => {
    const layers = (spec() as { layer: Array<{ mark: { type: string }; data?: { values: unknown[] } }> }).layer;
    const rule = layers.find((l) => l.mark.type === 'rule');
    expect(rule?.data?.values).toMatchObject([{ value: 31.5, label: '31,50 (Provincia di Pavia)' }]);
    const { svg } = await renderSpec(spec());
    expect(svg).toContain('31,50 (Provincia di Pavia)');
  });

  it('never draws the benchmark label over a bar', async () => {
    // A benchmark left of most values: before, its label sat on the first (longest) bar.
    for (const value of [5, 31.5, 69]) {
      const { view } = await renderSpec(spec({ benchmark: valueRow({ code: '018', name: 'Provincia di Pavia', value }) }));
      const bars = drawn(view, 'rect', 'mark');
      const [label] = drawn(view, 'text', 'mark');
      expect(bars).toHaveLength(3);
      expect(label).toBeDefined();
      for (const bar of bars) expect(overlaps(label!, bar)).toBe(false);
    }
  });

  it('keeps a long benchmark label inside the plot, on the side of the rule with more room', async () => {
    const long = valueRow({ code: 'PV-E5', name: 'Ambito di esempio Oltrepò di Broni e Stradella', value: 60 });
    for (const width of [150, 340]) {
      const { view } = await renderSpec(spec({ benchmark: long, width }));
      const [label] = drawn(view, 'text', 'mark');
      expect(label!.x1).toBeGreaterThanOrEqual(0);
      expect(label!.x2).toBeLessThanOrEqual(width);
    }
  });

  it('writes a long Ambito name in full on two lines, and in full in the tooltip', async () => {
    const long = 'Ambito distrettuale dell’Alto e Basso Pavese';
    const ambiti = rankByValue([valueRow({ code: 'A1', name: long, value: 12 }), valueRow({ code: 'A2', name: 'Pavia', value: 10 })]);
    const s = buildBarSpec({ bars: ambiti, benchmark: null, indicator: ind, lang: 'it' });
    const { svg } = await renderSpec(s);
    expect(svg).not.toContain('…');
    for (const word of long.split(' ')) expect(svg).toContain(word);
    const tooltip = (s as { layer: Array<{ encoding: { tooltip: Array<{ field: string }> } }> }).layer[0]!.encoding.tooltip;
    expect((s.data as { values: Array<Record<string, unknown>> }).values[0]![tooltip[0]!.field]).toBe(long);
  });

  it('leaves the rule out when the benchmark has no value', () => {
    const layers = (spec({ benchmark: valueRow({ code: '018', name: 'Provincia di Pavia', value: null }) }) as { layer: Array<{ mark: { type: string } }> }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['bar']);
  });

  it('keeps the axis of a long ranking in a separate strip on the same scale, to hold in view while scrolling', async () => {
    const many = rankByValue(Array.from({ length: 186 }, (_, i) => valueRow({ code: `c${i}`, name: `Comune ${i}`, value: i * 10 })));
    const input = { bars: selectBars(many, true), benchmark, indicator: ind, lang: 'it' as const };
    const chart = await renderSpec(buildBarSpec(input));
    const axis = await renderSpec(buildBarAxisSpec(input)!);
    expect(chart.svg).not.toMatch(/role-axis[^"]*"[^>]*aria-label="X-axis/);
    expect(axis.view.scale('x').domain()).toEqual(chart.view.scale('x').domain());
    expect(axis.view.scale('x').range()).toEqual(chart.view.scale('x').range());
    expect(axis.view.height()).toBeLessThan(10);
    // A short ranking keeps its own axis and needs no strip.
    expect(buildBarAxisSpec({ ...input, bars: selectBars(many, false) })).toBeNull();
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

describe('wrapName', () => {
  it('keeps short names on one line and splits long ones at a space into two', () => {
    expect(wrapName('Pavia')).toEqual(['Pavia']);
    expect(wrapName('Ambito distrettuale di Garlasco e Dorno')).toEqual(['Ambito distrettuale di', 'Garlasco e Dorno']);
    const three = wrapName('Ambito distrettuale dell’Alto e Basso Pavese e della Lomellina e dintorni', 24);
    expect(three).toHaveLength(2);
    expect(three.every((line) => line.length <= 24)).toBe(true);
    expect(three[1]!.endsWith('…')).toBe(true);
  });
});

describe('selectBars', () => {
  const many = rankByValue(Array.from({ length: 40 }, (_, i) => valueRow({ code: `c${i}`, name: `C${i}`, value: i })));

  it('keeps the top and bottom n when not showing all', () => {
    const shown = selectBars(many, false, 5);
    expect(shown.map((r) => r.value)).toEqual([39, 38, 37, 36, 35, 4, 3, 2, 1, 0]);
  });

  it('keeps the user\'s comune among the extremes', () => {
    expect(selectBars(many, false, 5, 'c20').map((r) => r.value)).toEqual([39, 38, 37, 36, 35, 20, 4, 3, 2, 1, 0]);
  });

  it('shows all when asked or when there are few', () => {
    expect(selectBars(many, true, 5)).toHaveLength(40);
    expect(selectBars(many.slice(0, 8), false, 5)).toHaveLength(8);
  });
});

describe('the user\'s comune', () => {
  it('is drawn in its own colour among the bars', async () => {
    const { svg } = await renderSpec(buildBarSpec({ bars: selectBars(rankByValue(rows), true), benchmark: null, indicator: ind, lang: 'it', home: '018177' }));
    expect(svg.match(/fill="#b35806"/g)).toHaveLength(1);
    expect(svg.match(/fill="#2f5f8f"/g)).toHaveLength(2);
  });
});
