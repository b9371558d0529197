import { describe, expect, it } from 'vitest';
import type { CompareEntry } from '../api/types';
import { indicator, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import { buildCompareSpec, COMPARE_LINE_HEIGHT, compareBars } from './compare';
import { SIGNIFICANCE } from './spine';

const code = 'SUP01';
const entry: CompareEntry = {
  indicator: indicator({ code, name: { it: 'Posti nei nidi', en: 'Nursery places' }, decimals: 1 }),
  year: 2023,
  values: [
    valueRow({ code: '018110', name: 'Pavia', indicator: code, value: 30, ci95: { lower: 27, upper: 33 }, comparison: 'better', benchmarkCode: '018' }),
    valueRow({ code: '018001', name: 'Albuzzano', indicator: code, value: 12, ci95: { lower: 8, upper: 17 }, comparison: 'worse', benchmarkCode: '018' }),
    // A long name wraps onto two lines.
    valueRow({ code: '018026', name: 'Campospinoso Albaredo con un nome lungo', indicator: code, value: 20, comparison: 'similar', benchmarkCode: '018' }),
    valueRow({ code: '018002', name: 'Senza dato', indicator: code, value: null, comparison: 'not_compared', benchmarkCode: '018' }),
  ],
  benchmarks: [valueRow({ code: '018', name: 'Provincia di Pavia', level: 'provincia', indicator: code, value: 21 })],
};
const order = ['018110', '018001', '018026', '018002'];

describe('the Confronta chart', () => {
  it('has a legend naming each comparison drawn, in its colour-blind-safe colour, and none absent', async () => {
    const bars = compareBars(entry, new Map(), order, 'it');
    const { view, svg } = await renderSpec(buildCompareSpec({ bars, entry, lang: 'it' }));
    const legend = svg.slice(svg.indexOf('role-legend'));
    expect(legend).toContain('Rispetto al riferimento');
    for (const word of ['migliore', 'simile', 'peggiore']) expect(legend).toContain(`>${word}<`);
    for (const word of ['più alto', 'più basso', 'non confrontato']) expect(legend).not.toContain(`>${word}<`);
    // The interval's line and the benchmark's dashed tick are named too.
    expect(legend).toContain('>Intervallo al 95%<');
    expect(legend).toContain('>Riferimento<');
    // Each with its line drawn: a solid and a dashed stroke, not a transparent one.
    const strokes = [...legend.matchAll(/<path[^>]*stroke="#1f1f1f"[^>]*stroke-width="2"[^>]*>/g)].map((m) => m[0]);
    expect(strokes).toHaveLength(2);
    expect(strokes.filter((p) => p.includes('stroke-dasharray="3,2"'))).toHaveLength(1);
    // The bars' colours are those the legend gives each comparison (PuOr/RdBu, ColorBrewer's colour-blind-safe schemes).
    const colour = view.scale('color');
    expect(colour('migliore')).toBe(SIGNIFICANCE.better.colour);
    expect(colour('peggiore')).toBe(SIGNIFICANCE.worse.colour);
    expect(colour('simile')).toBe(SIGNIFICANCE.similar.colour);
  });

  it('speaks English in English', async () => {
    const bars = compareBars(entry, new Map(), order, 'en');
    const { svg } = await renderSpec(buildCompareSpec({ bars, entry, lang: 'en' }));
    const legend = svg.slice(svg.indexOf('role-legend'));
    expect(legend).toContain('Against the benchmark');
    expect(legend).toContain('>95% interval<');
    expect(legend).not.toContain('migliore');
  });

  it('draws no benchmark for values the API does not compare with it, such as a comune\'s residents against the provincia\'s', async () => {
    const counts: CompareEntry = {
      ...entry,
      values: entry.values.map((v) => ({ ...v, value: v.value === null ? null : v.value * 1000, ci95: null, comparison: 'not_compared' as const })),
      benchmarks: [{ ...entry.benchmarks[0]!, value: 534_506 }],
    };
    const bars = compareBars(counts, new Map(), order, 'it');
    expect(bars.map((b) => b.benchmark)).toEqual([null, null, null, null]);
    const { view, svg } = await renderSpec(buildCompareSpec({ bars, entry: counts, lang: 'it' }));
    expect(svg).not.toContain('>Riferimento<');
    // The axis spans the values drawn, not the provincia's total.
    expect(Math.max(...(view.scale('x').domain() as number[]))).toBeLessThan(100_000);
  });

  it('leaves the line legend out when no interval or benchmark is drawn', async () => {
    const bare: CompareEntry = { ...entry, values: entry.values.map((v) => ({ ...v, ci95: null, benchmarkCode: null })), benchmarks: [] };
    const bars = compareBars(bare, new Map(), order, 'it');
    const { svg } = await renderSpec(buildCompareSpec({ bars, entry: bare, lang: 'it' }));
    expect(svg).not.toContain('>Intervallo al 95%<');
    expect(svg).not.toContain('>Riferimento<');
  });

  it('gives each row room for its name’s lines, so that the names never overlap', async () => {
    const bars = compareBars(entry, new Map(), order, 'it');
    expect(bars.map((b) => b.label.split('\n').length)).toEqual([1, 1, 2, 1]);
    const { view } = await renderSpec(buildCompareSpec({ bars, entry, lang: 'it' }));
    const y = view.scale('y') as unknown as { step(): number; (label: string): number };
    // Two lines of 12 px text need two line heights; each row is taller than that.
    expect(y.step()).toBeGreaterThan(2 * COMPARE_LINE_HEIGHT);
    const centres = bars.map((b) => y(b.label));
    for (let i = 1; i < centres.length; i += 1) expect(centres[i]! - centres[i - 1]!).toBeGreaterThanOrEqual(2 * COMPARE_LINE_HEIGHT);
  });
});
