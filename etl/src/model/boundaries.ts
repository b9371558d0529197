import { mergeArcs } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { CatalogError } from '../catalog/yaml-file.js';
import type { CrosswalkEntry } from './crosswalk.js';
import type { BoundariesInput } from './input.js';

/**
 * Redraws published boundaries on today's comuni: the shapes of comuni merged since the file was drawn
 * are dissolved into their successor, so the map has one shape per current comune. Every geometry gets
 * properties {code, name}; the topology keeps one object, `comuni`.
 */
export function dissolveOntoCurrentComuni(
  boundaries: BoundariesInput,
  currentNames: ReadonlyMap<string, string>,
  crosswalk: ReadonlyMap<string, CrosswalkEntry>,
): Topology {
  const topology = boundaries.topology as Topology;
  const object = topology.objects[boundaries.objectName] as GeometryCollection;
  const groups = new Map<string, GeometryObject[]>();
  const untraceable: string[] = [];
  for (const { code, index } of boundaries.geometries) {
    const target = currentNames.has(code) ? code : crosswalk.get(code)?.newCode;
    if (!target) {
      untraceable.push(code);
      continue;
    }
    groups.set(target, [...(groups.get(target) ?? []), object.geometries[index]!]);
  }
  if (untraceable.length > 0) {
    throw new CatalogError(`${boundaries.sourceId}: boundaries of comuni ${untraceable.join(', ')} cannot be placed on any current comune`);
  }
  const geometries = [...groups].map(([code, shapes]): GeometryObject => {
    const properties = { code, name: currentNames.get(code)! };
    if (shapes.length === 1) return { ...shapes[0]!, properties } as GeometryObject;
    return { ...mergeArcs(topology, shapes as never[]), properties } as GeometryObject;
  });
  return { ...topology, objects: { comuni: { type: 'GeometryCollection', geometries } } };
}
