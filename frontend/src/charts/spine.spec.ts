import type { View } from 'vega';
import { describe, expect, it } from 'vitest';
import type { Profile, ProfileEntry } from '../api/types';
import { indicator, snapshot, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import { buildSpineSpec, denormalise, normaliser, rowCentre, rowExtent, SIGNIFICANCE, spineRows } from './spine';

const anziani = { area: 'anziani', areaName: { it: 'Anziani', en: 'Older people' } };
const minori = { area: 'minori', areaName: { it: 'Minori e famiglie', en: 'Children and families' } };

function entry(code: string, area: typeof anziani, own: Partial<Parameters<typeof valueRow>[0]> | null, bench: number | null, peers: ProfileEntry['peers'], extra: Partial<ProfileEntry['indicator']> = {}): ProfileEntry {
  return {
    indicator: indicator({ code, name: { it: `Indicatore ${code}`, en: `Indicator ${code}` }, decimals: 1, ...area, ...extra }),
    year: own ? 2024 : null,
    value: own ? valueRow({ code: '018110', name: 'Pavia', indicator: code, ...own }) : null,
    benchmark: bench === null ? null : valueRow({ code: '018', name: 'Provincia di Pavia', indicator: code, value: bench }),
    peers,
    unavailable: own ? null : 'no values in this snapshot',
  };
}

const spread = (min: number, q1: number, median: number, q3: number, max: number) => ({ min, q1, median, q3, max, n: 186 });

// Worked by hand: benchmark 10, farthest of peers/value/interval from it is 4 (6 below), so reach = 6.
// Higher is worse, so a value above the benchmark goes left: 12 → 0.5 − 2/12 = 1/3.
const worse = entry('A1', anziani, { value: 12, ci95: { lower: 11, upper: 13 }, comparison: 'worse' }, 10, spread(4, 8, 10, 11, 13), { polarity: 'higher_worse' });
// Higher is better, 15 against 10, peers 5–20: reach 10, 0.5 + 5/20 = 0.75.
const better = entry('A2', anziani, { value: 15, comparison: 'better', smallNumber: true }, 10, spread(5, 8, 10, 12, 20), { polarity: 'higher_better' });
const similar = entry('M1', minori, { value: 3, comparison: 'similar' }, 3, spread(1, 2, 3, 4, 5), { polarity: 'neither' });
const suppressed = entry('M2', minori, { value: null, numerator: null, suppressed: true, comparison: 'not_compared' }, 7, spread(1, 2, 3, 4, 5));
const unavailable = entry('M3', minori, null, null, null, { available: false, years: [], unavailableReason: { it: 'Manca la fonte sugli asili nido.', en: 'The nursery source is missing.' } });

const profile: Profile = {
  territory: '018110',
  name: 'Pavia',
  level: 'comune',
  benchmark: '018',
  year: null,
  snapshot: snapshot(),
  rows: [worse, better, similar, suppressed, unavailable],
  sources: [],
  synthetic: false,
};

interface Item { x: number; y: number; fill?: string; shape?: string; datum: { indicator: string; position: number } }

function dots(view: View): Item[] {
  const found: Item[] = [];
  const visit = (node: { marktype?: string; name?: string; items?: unknown[] }) => {
    if (node.marktype === 'symbol' && node.name?.startsWith('dots')) found.push(...((node.items ?? []) as Item[]));
    for (const child of (node.items ?? []) as Array<typeof node>) if (child && typeof child === 'object') visit(child);
  };
  visit((view.scenegraph() as unknown as { root: never }).root);
  return found;
}

describe('normaliser', () => {
  it('puts the benchmark in the middle and the farthest value at an end', () => {
    const at = normaliser(10, [4, 13], 'neither');
    expect(at(10)).toBe(0.5);
    expect(at(4)).toBe(0);
    expect(at(16)).toBe(1);
  });

  it('puts better on the right whatever the polarity', () => {
    expect(normaliser(10, [4, 13], 'higher_worse')(4)).toBe(1);
    expect(normaliser(10, [4, 13], 'higher_better')(4)).toBe(0);
  });

  it('draws every value in the middle when all are equal', () => {
    expect(normaliser(5, [5, 5], 'neither')(5)).toBe(0.5);
  });

  it('is undone by denormalise', () => {
    for (const polarity of ['higher_worse', 'higher_better', 'neither'] as const) {
      const at = normaliser(10, [4, 13], polarity);
      expect(denormalise(at(12.3), 10, [4, 13], polarity)).toBeCloseTo(12.3, 10);
    }
  });
});

describe('spineRows', () => {
  const rows = spineRows(profile, 'it');

  it('groups the indicators under a heading per area, in the catalogue order', () => {
    expect(rows.map((r) => (r.heading ? `# ${r.label}` : r.indicator))).toEqual(['# ANZIANI', 'A1', 'A2', '# MINORI E FAMIGLIE', 'M1', 'M2', 'M3']);
  });

  it('places the dot, the spread, the quartiles and the interval around the benchmark', () => {
    const a1 = rows.find((r) => r.indicator === 'A1')!;
    expect(a1.position).toBeCloseTo(1 / 3, 10);
    // Flipped by the polarity: the highest peer (13) is on the left.
    expect(a1.spreadLow).toBeCloseTo(0.5 - 3 / 12, 10);
    expect(a1.spreadHigh).toBeCloseTo(1, 10);
    expect([a1.q1, a1.q3]).toEqual([0.5 - 1 / 12, 0.5 + 2 / 12].map((v) => expect.closeTo(v, 10)));
    expect([a1.ciLow, a1.ciHigh]).toEqual([0.5 - 3 / 12, 0.5 - 1 / 12].map((v) => expect.closeTo(v, 10)));
    expect(rows.find((r) => r.indicator === 'A2')!.position).toBeCloseTo(0.75, 10);
    expect(rows.find((r) => r.indicator === 'M1')!.position).toBe(0.5);
  });

  it('gives the value, the benchmark and the comparison in words', () => {
    const a1 = rows.find((r) => r.indicator === 'A1')!;
    expect(a1).toMatchObject({ valueLabel: '12,0', benchmarkLabel: '10,0', comparisonLabel: 'peggiore', note: null });
    expect(a1.spoken).toBe('Indicatore A1: 12,0, peggiore (Riferimento 10,0)');
  });

  it('says why there is no dot: suppressed, or unavailable with its reason', () => {
    const m2 = rows.find((r) => r.indicator === 'M2')!;
    expect(m2).toMatchObject({ position: null, note: 'dato non pubblicato: meno di 5 casi' });
    // Unavailable: a short word in the chart, the reason in full in the tooltip (and the table).
    expect(rows.find((r) => r.indicator === 'M3')).toMatchObject({ position: null, note: 'Non disponibile', valueLabel: 'Manca la fonte sugli asili nido.' });
    expect(spineRows(profile, 'en').find((r) => r.indicator === 'M3')!.valueLabel).toBe('The nursery source is missing.');
  });

  it('flags small numbers only where there is a value', () => {
    expect(rows.filter((r) => r.smallNumber).map((r) => r.indicator)).toEqual(['A2']);
  });

  it('draws no spine without a benchmark', () => {
    const alone = entry('X', anziani, { value: 4 }, null, spread(1, 2, 3, 4, 5));
    expect(rowCentre(alone)).toBeNull();
    expect(spineRows({ ...profile, rows: [alone] }, 'it')[1]).toMatchObject({ position: null, spreadLow: null, valueLabel: '4,0' });
    expect(rowExtent(worse)).toEqual([4, 13, 12, 11, 13]);
  });
});

describe('buildSpineSpec', () => {
  it('draws each dot where its value lies, in the colour and shape of its comparison', async () => {
    const width = 400;
    const { view } = await renderSpec(buildSpineSpec({ profile, lang: 'it', width }));
    const drawn = dots(view);
    expect(drawn.map((d) => d.datum.indicator)).toEqual(['A1', 'A2', 'M1']);
    const expected = { A1: { value: 12, entry: worse, cmp: 'worse' }, A2: { value: 15, entry: better, cmp: 'better' }, M1: { value: 3, entry: similar, cmp: 'similar' } } as const;
    for (const dot of drawn) {
      const { value, entry: e, cmp } = expected[dot.datum.indicator as keyof typeof expected];
      // From the pixel back to the value: the drawing says what the API said.
      expect(denormalise(dot.x / width, rowCentre(e)!, rowExtent(e), e.indicator.polarity)).toBeCloseTo(value, 6);
      expect(dot.fill).toBe(SIGNIFICANCE[cmp].colour);
      expect(dot.shape).toBe(SIGNIFICANCE[cmp].shape);
    }
    // Rows top to bottom in the order of the list.
    expect(drawn.map((d) => d.y)).toEqual([...drawn.map((d) => d.y)].sort((a, b) => a - b));
  });

  it('writes the reasons for missing dots, the area headings and a legend of the comparisons present', async () => {
    const { svg } = await renderSpec(buildSpineSpec({ profile, lang: 'it' }));
    expect(svg).toContain('dato non pubblicato: meno di 5 casi');
    expect(svg).toContain('Non disponibile');
    expect(svg).toContain('ANZIANI');
    for (const word of ['migliore', 'simile', 'peggiore']) expect(svg).toContain(`>${word}<`);
    expect(svg).not.toContain('>più alto<');
  });

  it('draws the benchmark line at the centre, across every row', async () => {
    const width = 300;
    const { view } = await renderSpec(buildSpineSpec({ profile, lang: 'it', width }));
    expect(view.scale('x')(0.5)).toBe(150);
    expect(view.scale('y').domain()).toHaveLength(7);
  });
});
