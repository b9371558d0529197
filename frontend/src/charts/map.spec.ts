import { describe, expect, it } from 'vitest';
import { indicator, topology, valueRow } from '../test/fixtures';
import { renderSpec } from '../test/renderSpec';
import { buildMapSpec } from './map';
import { ambitoMapData, comuneMapData } from './mapAreas';

const comuni = [
  { code: '018001', name: 'Alagna' },
  { code: '018002', name: 'Albaredo' },
  { code: '018003', name: 'Albonese' },
  { code: '018004', name: 'Albuzzano' },
];
const rows = [
  valueRow({ code: '018001', name: 'Alagna', value: 1200 }),
  valueRow({ code: '018002', name: 'Albaredo', value: null }),
  valueRow({ code: '018004', name: 'Albuzzano', value: 3400 }),
  // 018003 has no row at all: it must read "nessun dato" too.
];

type Spec = {
  transform: Array<Record<string, unknown>>;
  projection: { type: string };
  encoding: { color: { field: string; scale: { domain: string[]; range: string[] } } };
};

function spec(polarity: 'neither' | 'higher_worse' | 'higher_better' = 'neither') {
  return buildMapSpec({ topology: topology(comuni), ...comuneMapData(rows, 0, 'it'), indicator: indicator({ polarity }), lang: 'it', showAmbito: false });
}

describe('buildMapSpec', () => {
  it('looks the values up by comune code on a mercator projection', () => {
    const s = spec() as unknown as Spec;
    expect(s.transform[0]).toMatchObject({ lookup: 'properties.code', from: { key: 'code' } });
    expect(s.projection.type).toBe('mercator');
  });

  it('puts comuni without a value in a grey "nessun dato" class, never on the value scale', () => {
    const s = spec() as unknown as Spec;
    expect(s.transform[1]).toEqual({ calculate: 'isValid(datum.classLabel) ? datum.classLabel : "nessun dato"', as: 'classLabel' });
    expect(s.encoding.color.scale.domain).toEqual(['1.200', '3.400', 'nessun dato']);
    expect(s.encoding.color.scale.range.at(-1)).toBe('#e0e0e0');
  });

  it('draws one shape per comune, the two without value in grey, with a legend entry', async () => {
    const { svg } = await renderSpec(spec());
    const shapes = (svg.match(/<g class="mark-shape role-mark[^"]*"[^>]*>.*?<\/g>/g) ?? []).join('');
    expect(shapes.match(/<path /g)).toHaveLength(4);
    expect(shapes.match(/fill="#e0e0e0"/g)).toHaveLength(2);
    expect(svg).toMatch(/>nessun dato</);
    expect(svg).toMatch(/>1\.200</);
  });

  it('colours the critical end dark red', () => {
    const range = (p: 'higher_worse' | 'higher_better') => (spec(p) as unknown as Spec).encoding.color.scale.range;
    expect(range('higher_worse')).toEqual(['#fdd49e', '#b30000', '#e0e0e0']);
    expect(range('higher_better')).toEqual(['#b30000', '#fdd49e', '#e0e0e0']);
  });
});

describe('map data', () => {
  it('gives each comune the value and class of its Ambito', () => {
    const membership = new Map([
      ['A1', ['018001', '018002']],
      ['A2', ['018003']],
    ]);
    const { areas, classes } = ambitoMapData(
      [valueRow({ code: 'A1', name: 'Ambito 1', value: 12.345 }), valueRow({ code: 'A2', name: 'Ambito 2', value: null })],
      membership,
      2,
      'it',
    );
    expect(classes.labels).toEqual(['12,35']);
    expect(areas).toEqual([
      { code: '018001', valueLabel: '12,35', classLabel: '12,35', ambito: 'Ambito 1' },
      { code: '018002', valueLabel: '12,35', classLabel: '12,35', ambito: 'Ambito 1' },
      { code: '018003', valueLabel: 'nessun dato', classLabel: null, ambito: 'Ambito 2' },
    ]);
  });
});

describe('map legend', () => {
  const mapOf = (values: Array<number | null>, polarity: 'neither' | 'higher_worse' = 'neither', decimals = 1) =>
    buildMapSpec({
      topology: topology(comuni),
      ...comuneMapData(values.map((value, i) => valueRow({ code: comuni[i]!.code, name: comuni[i]!.name, value })), decimals, 'it'),
      indicator: indicator({ polarity, decimals }),
      lang: 'it',
      showAmbito: false,
    }) as unknown as Spec;

  it('diverges at zero for a change that is negative in some comuni', () => {
    const s = mapOf([-3.2, -0.5, 1.1, 2.4]);
    expect(s.encoding.color.scale.domain).toEqual(['-3,2', '-0,5', '1,1', '2,4', 'nessun dato']);
    expect(s.encoding.color.scale.range).toEqual(['#e08214', '#fdb863', '#b2abd2', '#8073ac', '#e0e0e0']);
  });

  it('shows one class and "nessun dato" when every value is equal', async () => {
    const s = mapOf([5, 5, 5, null]);
    expect(s.encoding.color.scale.domain).toEqual(['5,0', 'nessun dato']);
    const { svg } = await renderSpec(s as never);
    const legend = svg.slice(svg.indexOf('role-legend'));
    expect(legend).toMatch(/>5,0</);
    expect(legend).toMatch(/>nessun dato</);
  });

  it('draws only the comuni asked for, when given (an Ambito inside its provincia\'s boundaries)', async () => {
    const s = buildMapSpec({
      topology: topology(comuni),
      ...comuneMapData(rows, 0, 'it'),
      indicator: indicator(),
      lang: 'it',
      showAmbito: false,
      only: ['018001', '018004'],
    });
    const { svg } = await renderSpec(s);
    const shapes = (svg.match(/<g class="mark-shape role-mark[^"]*"[^>]*>.*?<\/g>/g) ?? []).join('');
    expect(shapes.match(/<path /g)).toHaveLength(2);
  });
});

describe('map of the gaps', () => {
  const gapsMap = (units: Array<number | null>) =>
    buildMapSpec({
      topology: topology(comuni),
      ...comuneMapData(units.map((value, i) => valueRow({ code: comuni[i]!.code, name: comuni[i]!.name, value })), 0, 'it', { zeroClass: 'nessuna carenza' }),
      indicator: indicator({ polarity: 'higher_worse', decimals: 0 }),
      lang: 'it',
      showAmbito: false,
    }) as unknown as Spec;

  it('gives the comuni with nothing missing a class of their own, apart from small gaps', async () => {
    const s = gapsMap([0, 1, 2, 0]);
    expect(s.encoding.color.scale.domain).toEqual(['nessuna carenza', '1', '2', 'nessun dato']);
    expect(s.encoding.color.scale.range).toEqual(['#92c5de', '#fdd49e', '#b30000', '#e0e0e0']);
    const { svg } = await renderSpec(s as never);
    const shapes = (svg.match(/<g class="mark-shape role-mark[^"]*"[^>]*>.*?<\/g>/g) ?? []).join('');
    expect(shapes.match(/fill="#92c5de"/g)).toHaveLength(2);
    expect(svg.slice(svg.indexOf('role-legend'))).toMatch(/>nessuna carenza</);
  });

  it('is one "nessuna carenza" class when no comune misses anything, and plain classes when every one does', () => {
    expect(gapsMap([0, 0, null, 0]).encoding.color.scale.domain).toEqual(['nessuna carenza', 'nessun dato']);
    expect(gapsMap([3, 1, 2, null]).encoding.color.scale.domain).toEqual(['1', '2', '3', 'nessun dato']);
  });
});
