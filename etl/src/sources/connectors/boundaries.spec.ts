import { feature } from 'topojson-client';
import type { GeometryCollection, Polygon, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DescriptorOf } from '../descriptor.js';
import { descriptorOf, fixtureCatalog, geoJson, makeDataFolder, topology } from '../testing/fixtures.js';
import { onlyErrorOf, sourceErrorsOf } from '../testing/source-errors.js';
import { readBoundaries } from './boundaries.js';

const TOPO_FILE = 'boundaries/limits_P_18_municipalities.topo.json';
const GEO_FILE = 'boundaries/limits_P_18_municipalities.geojson';

let topoDescriptor: DescriptorOf<'boundaries'>;
let geoDescriptor: DescriptorOf<'boundaries'>;
beforeAll(async () => {
  const folder = await makeDataFolder();
  topoDescriptor = descriptorOf(await fixtureCatalog(folder), 'openpolis_confini_pv') as DescriptorOf<'boundaries'>;
  geoDescriptor = { ...topoDescriptor, file: GEO_FILE, format: 'geojson' };
  await folder.remove();
});

const readTopo = (document: unknown) => readBoundaries({ file: TOPO_FILE, text: typeof document === 'string' ? document : JSON.stringify(document) }, topoDescriptor);
const readGeo = (document: unknown) => readBoundaries({ file: GEO_FILE, text: typeof document === 'string' ? document : JSON.stringify(document) }, geoDescriptor);
const explanations = async (action: () => unknown) => (await sourceErrorsOf(action)).map((e) => [e.rule, e.explanation]);

type Editable = { arcs: unknown[]; objects: { municipalities: { geometries: Record<string, unknown>[] } } };
const editedTopology = (edit: (t: Editable) => void) => {
  const t = topology() as unknown as Editable;
  edit(t);
  return t;
};

describe('TopoJSON structure', () => {
  it('refuses a topology without geometries', async () => {
    expect(await explanations(() => readTopo(editedTopology((t) => (t.objects.municipalities.geometries = []))))).toEqual([
      ['bad-topojson', 'object "municipalities" has no geometries; expected one geometry per comune'],
    ]);
  });

  it('refuses arcs made of strings, naming the arc and the point', async () => {
    const errors = await explanations(() => readTopo(editedTopology((t) => (t.arcs[1] = [['a', 'b'], ['c', 'd']]))));
    expect(errors[0]).toEqual(['bad-topojson', 'arc 1, point 0 is ["a","b"]; expected a pair of whole numbers (quantized coordinates, as the topology has a transform)']);
  });

  it('refuses an arc that is not a list of points', async () => {
    expect(await explanations(() => readTopo(editedTopology((t) => (t.arcs[0] = 'M0,0L1,1'))))).toEqual([['bad-topojson', 'arc 0 is "M0,0L1,1"; expected a list of at least 2 points']]);
  });

  it('refuses a geometry that refers to an arc the topology does not have', async () => {
    const errors = await explanations(() => readTopo(editedTopology((t) => (t.objects.municipalities.geometries[1]!.arcs = [[7]]))));
    expect(errors).toEqual([['bad-topojson', 'geometry 1 of object "municipalities" refers to arc 7, but the topology has arcs 0 to 2 (~0 to ~2 reversed); expected indices of its arcs']]);
  });

  it('refuses geometry types other than Polygon and MultiPolygon, and rings that are not lists of arcs', async () => {
    const errors = await explanations(() =>
      readTopo(
        editedTopology((t) => {
          t.objects.municipalities.geometries[0]!.type = 'LineString';
          t.objects.municipalities.geometries[2]!.arcs = [['0']];
        }),
      ),
    );
    expect(errors).toEqual([
      ['bad-topojson', 'geometry 0 of object "municipalities" is a "LineString"; expected a Polygon or MultiPolygon (the area of a comune)'],
      ['bad-topojson', 'geometry 2 of object "municipalities" has "0" as an arc index; expected whole numbers indexing the arcs'],
    ]);
  });

  it('accepts plain coordinates when the topology has no transform', () => {
    const plain = editedTopology((t) => {
      delete (t as { transform?: unknown }).transform;
      t.arcs = t.arcs.map((_, i) => [[9 + i, 45.5], [9.5 + i, 45.5], [9.5 + i, 45], [9 + i, 45.5]]);
    });
    expect(readTopo(plain).geometries).toHaveLength(3);
  });

  it('refuses JSON nested deeper than any boundary file, at the opening bracket too deep', async () => {
    const deep = editedTopology((t) => (t.objects.municipalities.geometries[0]!.properties = { com_istat_code: '018110', name: 'Pavia', extra: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) }));
    const text = JSON.stringify(deep);
    const error = await onlyErrorOf(() => readTopo(text));
    expect(error).toMatchObject({ file: TOPO_FILE, line: 1, column: text.indexOf('[[[') + 59, rule: 'json-too-deep' });
    expect(error.message).toContain('nested deeper than 64 levels');
  });

  it('refuses a deeply nested file that is not even valid JSON without overflowing the stack', async () => {
    expect(await onlyErrorOf(() => readTopo('['.repeat(200_000)))).toMatchObject({ line: 1, column: 65, rule: 'json-too-deep' });
  });

  it('suggests format: geojson for a GeoJSON file declared topojson', async () => {
    const error = await onlyErrorOf(() => readTopo(geoJson()));
    expect(error.message).toContain('(GeoJSON); expected a TopoJSON object with "type": "Topology", or declare format: geojson');
  });
});

describe('GeoJSON boundaries', () => {
  it('reads a FeatureCollection into a topology with one geometry per feature, and each code and name', () => {
    const read = readGeo(geoJson());
    expect(read).toMatchObject({ provinciaCode: '018', geometries: [{ code: '018110', name: 'Pavia', index: 0 }, { code: '018177', name: 'Vigevano', index: 1 }, { code: '018193', name: 'Colli Verdi', index: 2 }] });
    const topo = read.topology as Topology;
    expect(topo.type).toBe('Topology');
    const geometries = (topo.objects[read.objectName] as GeometryCollection).geometries;
    expect(geometries.map((g) => g.type)).toEqual(['Polygon', 'Polygon', 'Polygon']);
    // The square of Vigevano comes back from the topology where the GeoJSON drew it, to the quantization step.
    const [ring] = feature(topo, geometries[1] as Polygon).geometry.coordinates;
    const expected = [[9.1, 45], [9.1, 45.09], [9.19, 45.09], [9.19, 45], [9.1, 45]];
    ring!.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i]![0]!, 4);
      expect(y).toBeCloseTo(expected[i]![1]!, 4);
    });
  });

  it('reads MultiPolygon features', () => {
    const collection = geoJson() as { features: { geometry: { type: string; coordinates: unknown } }[] };
    collection.features[0]!.geometry = { type: 'MultiPolygon', coordinates: [collection.features[0]!.geometry.coordinates] };
    expect(readGeo(collection).geometries).toHaveLength(3);
  });

  it('refuses what is not a FeatureCollection of polygons, naming each feature', async () => {
    expect(await explanations(() => readGeo(topology()))).toEqual([['bad-geojson', 'the file is a "Topology" (TopoJSON); expected a GeoJSON object with "type": "FeatureCollection", or declare format: topojson']]);
    expect(await explanations(() => readGeo({ type: 'FeatureCollection', features: [] }))).toEqual([['bad-geojson', 'the FeatureCollection has no features; expected one feature per comune']]);
    const broken = geoJson() as { features: Record<string, unknown>[] };
    broken.features[0]!.geometry = { type: 'Point', coordinates: [9, 45] };
    broken.features[1]!.geometry = { type: 'Polygon', coordinates: [[['9', '45'], [9, 45.1], [9.1, 45.1], [9, 45]]] };
    broken.features[2]!.geometry = null;
    expect(await explanations(() => readGeo(broken))).toEqual([
      ['bad-geojson', 'feature 0 is a "Point"; expected a Polygon or MultiPolygon (the area of a comune)'],
      ['bad-geojson', 'feature 1, ring 0, point 0 is ["9","45"]; expected [longitude, latitude] in degrees'],
      ['bad-geojson', 'feature 2 has no geometry; expected a Polygon or MultiPolygon (the area of a comune)'],
    ]);
  });

  it('refuses rings too short to enclose an area, and coordinates that are not degrees', async () => {
    const broken = geoJson() as { features: { geometry: { coordinates: number[][][] } }[] };
    broken.features[0]!.geometry.coordinates = [[[9, 45], [9, 45.1], [9, 45]]];
    broken.features[1]!.geometry.coordinates = [[[500000, 5000000], [500000, 5010000], [510000, 5010000], [500000, 5000000]]];
    expect(await explanations(() => readGeo(broken))).toEqual([
      ['bad-geojson', 'feature 0, ring 0 has 3 points; expected a closed ring of at least 4'],
      ['bad-geojson', 'feature 1, ring 0, point 0 is [500000,5000000]; expected [longitude, latitude] in degrees'],
    ]);
  });
});
