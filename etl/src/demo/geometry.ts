/**
 * Area and centre of each comune's shape in a TopoJSON of longitudes and latitudes: the area on the
 * sphere (the ring formula of Chamberlain and Duquette, as d3-geo and turf use), the centre as the mean
 * of the outer rings' vertices, good enough to place a comune on the map of its provincia.
 */
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { BoundariesInput } from '../model/input.js';

const EARTH_RADIUS_M = 6_378_137;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

export interface ShapeFacts {
  readonly areaKm2: number;
  readonly lon: number;
  readonly lat: number;
}

export function shapeFacts(boundaries: BoundariesInput): Map<string, ShapeFacts> {
  const topology = boundaries.topology as Topology;
  const object = topology.objects[boundaries.objectName] as { geometries: GeometryObject[] };
  const facts = new Map<string, ShapeFacts>();
  for (const { code, index } of boundaries.geometries) {
    const shape = feature(topology, object.geometries[index]!);
    const geometry = 'geometry' in shape ? shape.geometry : null;
    const polygons: number[][][][] = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
    let area = 0;
    const outer: number[][] = [];
    for (const [shell, ...holes] of polygons) {
      if (shell === undefined) continue;
      area += Math.abs(ringArea(shell)) - holes.reduce((sum, hole) => sum + Math.abs(ringArea(hole)), 0);
      outer.push(...shell.slice(0, -1));
    }
    const mean = (axis: 0 | 1) => outer.reduce((sum, point) => sum + point[axis]!, 0) / outer.length;
    facts.set(code, { areaKm2: Math.round(area / 10_000) / 100, lon: mean(0), lat: mean(1) });
  }
  return facts;
}

/** Signed area in m² of a closed ring of [lon, lat] points. */
function ringArea(ring: readonly number[][]): number {
  let total = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[i + 1]!;
    total += radians(lon2! - lon1!) * (2 + Math.sin(radians(lat1!)) + Math.sin(radians(lat2!)));
  }
  return (total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2;
}

/** Distance in km between two points given as [lon, lat] (haversine). */
export function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
