/**
 * Comune boundaries published as GeoJSON (openpolis's .geojson files): a FeatureCollection of Polygon or
 * MultiPolygon features in longitude/latitude. They are checked, then converted to the same kind of
 * topology the TopoJSON files give, so that merged comuni can be dissolved along their shared borders.
 */
import type { FeatureCollection } from 'geojson';
import { topology as toTopology } from 'topojson-server';
import { excerpt, SourceError, SourceErrorCollector } from '../errors.js';
import { isRecord } from '../is-record.js';
import { AREA_EXPECTED, AREA_TYPES } from './topology-structure.js';

/** Grid steps per side of the bounding box: about 1 m over a provincia, finer than the published files. */
const QUANTIZATION = 1e5;
export const GEOJSON_OBJECT = 'comuni';

export function topologyFromGeoJson(file: string, document: unknown): Record<string, unknown> {
  const fail = (explanation: string) => new SourceError({ file, line: 0, column: 0, rule: 'bad-geojson', explanation });
  if (!isRecord(document) || document.type !== 'FeatureCollection') {
    const found = isRecord(document) && typeof document.type === 'string' ? `a "${excerpt(document.type)}"${document.type === 'Topology' ? ' (TopoJSON)' : ''}` : 'not a GeoJSON object';
    throw fail(`the file is ${found}; expected a GeoJSON object with "type": "FeatureCollection", or declare format: topojson`);
  }
  if (!Array.isArray(document.features)) throw fail('the FeatureCollection has no "features" list; expected one feature per comune');
  if (document.features.length === 0) throw fail('the FeatureCollection has no features; expected one feature per comune');
  const errors = new SourceErrorCollector();
  document.features.forEach((feature: unknown, index) => {
    const problem = featureProblem(feature, `feature ${index}`);
    if (problem !== null) errors.add(fail(problem));
  });
  errors.throwIfAny();
  return toTopology({ [GEOJSON_OBJECT]: document as unknown as FeatureCollection }, QUANTIZATION) as unknown as Record<string, unknown>;
}

function featureProblem(feature: unknown, where: string): string | null {
  if (!isRecord(feature) || feature.type !== 'Feature') return `${where} is not a {"type": "Feature"} object; expected one feature per comune`;
  const { geometry } = feature;
  if (geometry === null || geometry === undefined) return `${where} has no geometry; ${AREA_EXPECTED}`;
  if (!isRecord(geometry) || !AREA_TYPES.includes(geometry.type as string)) return `${where} is a "${excerpt(String(isRecord(geometry) ? geometry.type : geometry))}"; ${AREA_EXPECTED}`;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return `${where} has no coordinates; expected ${geometry.type === 'Polygon' ? 'a list of rings' : 'a list of polygons'}`;
  for (const [p, polygon] of polygons.entries()) {
    const at = geometry.type === 'Polygon' ? where : `${where}, polygon ${p}`;
    if (!Array.isArray(polygon) || polygon.length === 0) return `${at} has ${excerpt(JSON.stringify(polygon))} as rings; expected a list of rings, each a list of [longitude, latitude] points`;
    for (const [r, ring] of polygon.entries()) {
      if (!Array.isArray(ring) || ring.length < 4) return `${at}, ring ${r} has ${Array.isArray(ring) ? `${ring.length} points` : excerpt(JSON.stringify(ring))}; expected a closed ring of at least 4`;
      const bad = ring.findIndex((point) => !isLongitudeLatitude(point));
      if (bad !== -1) return `${at}, ring ${r}, point ${bad} is ${excerpt(JSON.stringify(ring[bad]))}; expected [longitude, latitude] in degrees`;
    }
  }
  return null;
}

/** Projected metres (UTM, EPSG:32632) would pass as numbers and draw nowhere: degrees are required. */
function isLongitudeLatitude(point: unknown): boolean {
  if (!Array.isArray(point) || point.length < 2 || !point.every((n) => typeof n === 'number' && Number.isFinite(n))) return false;
  const [longitude, latitude] = point as number[];
  return Math.abs(longitude!) <= 180 && Math.abs(latitude!) <= 90;
}
