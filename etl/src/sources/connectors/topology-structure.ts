/**
 * Structural checks of a TopoJSON topology, before anything draws or merges it: topojson-client trusts
 * its input and fails far from the cause ("Cannot read properties of undefined") or draws nothing.
 */
import { excerpt, SourceError, type SourceErrorCollector } from '../errors.js';
import { isRecord } from '../is-record.js';

export interface TopologyCheck {
  readonly file: string;
  readonly rule: string;
  /** "geometry 3 of object "municipalities"", or "feature 3" for a topology built from GeoJSON. */
  readonly describe: (index: number) => string;
}

export const AREA_TYPES = ['Polygon', 'MultiPolygon'];
export const AREA_EXPECTED = 'expected a Polygon or MultiPolygon (the area of a comune)';

/** Reports to `errors` every arc and geometry that is not as TopoJSON defines them. */
export function checkTopologyStructure(check: TopologyCheck, topology: Record<string, unknown>, geometries: readonly unknown[], errors: SourceErrorCollector): void {
  const fail = (explanation: string) => errors.add(new SourceError({ file: check.file, line: 0, column: 0, rule: check.rule, explanation }));
  const arcs = topology.arcs as unknown[];
  const quantized = topology.transform !== undefined;
  if (quantized && !(isRecord(topology.transform) && isPair(topology.transform.scale) && isPair(topology.transform.translate))) {
    fail(`the "transform" is ${excerpt(JSON.stringify(topology.transform))}; expected { "scale": [x, y], "translate": [x, y] } with numbers`);
  }
  arcs.forEach((arc, a) => {
    if (!Array.isArray(arc) || arc.length < 2) return fail(`arc ${a} is ${excerpt(JSON.stringify(arc))}; expected a list of at least 2 points`);
    const bad = arc.findIndex((point) => !isPoint(point, quantized));
    if (bad !== -1) {
      fail(`arc ${a}, point ${bad} is ${excerpt(JSON.stringify(arc[bad]))}; expected a pair of ${quantized ? 'whole numbers (quantized coordinates, as the topology has a transform)' : 'numbers'}`);
    }
  });
  geometries.forEach((geometry, g) => {
    const where = check.describe(g);
    if (!isRecord(geometry)) return fail(`${where} is ${excerpt(JSON.stringify(geometry))}; ${AREA_EXPECTED}`);
    if (!AREA_TYPES.includes(geometry.type as string)) return fail(`${where} ${geometry.type === null || geometry.type === undefined ? 'has no shape' : `is a "${excerpt(String(geometry.type))}"`}; ${AREA_EXPECTED}`);
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
    const rings = Array.isArray(polygons) && polygons.every((polygon) => Array.isArray(polygon) && polygon.length > 0 && polygon.every((ring) => Array.isArray(ring) && ring.length > 0)) ? (polygons as unknown[][][]).flat() : null;
    if (rings === null || (polygons as unknown[]).length === 0) return fail(`${where} has ${excerpt(JSON.stringify(geometry.arcs))} as arcs; expected ${geometry.type === 'Polygon' ? 'a list of rings' : 'a list of polygons, each a list of rings'}, each a list of arc indices`);
    const indices = rings.flat();
    const notIndex = indices.find((index) => !Number.isInteger(index));
    if (notIndex !== undefined) return fail(`${where} has ${excerpt(JSON.stringify(notIndex))} as an arc index; expected whole numbers indexing the arcs`);
    // ~i (= -i - 1) is arc i reversed.
    const outside = (indices as number[]).find((index) => index >= arcs.length || index < -arcs.length);
    if (outside !== undefined) {
      const range = arcs.length === 0 ? 'no arcs' : `arcs 0 to ${arcs.length - 1} (~0 to ~${arcs.length - 1} reversed)`;
      fail(`${where} refers to arc ${outside < 0 ? `~${~outside}` : outside}, but the topology has ${range}; expected indices of its arcs`);
    }
  });
}

function isPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function isPoint(value: unknown, quantized: boolean): boolean {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && (quantized ? Number.isInteger(n) : Number.isFinite(n)));
}
