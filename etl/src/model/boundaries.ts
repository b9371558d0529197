import { mergeArcs } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { CatalogError } from '../catalog/yaml-file.js';
import { SourceError } from '../sources/errors.js';
import type { CrosswalkEntry } from './crosswalk.js';
import type { BoundariesInput, ComuneInput } from './input.js';

/** How many comuni without a shape a message names before it only counts the rest. */
const MISSING_NAMED = 5;

/**
 * Redraws published boundaries on today's comuni: the shapes of comuni merged since the file was drawn
 * are dissolved into their successor, so the map has one shape per current comune. Every geometry gets
 * properties {code, name}; the topology keeps one object, `comuni`. Boundaries that leave a current
 * comune of their provincia without a shape are refused: a map with holes, or of half a provincia,
 * would look like a map of the whole.
 */
export function dissolveOntoCurrentComuni(
  boundaries: BoundariesInput,
  currentComuni: readonly Pick<ComuneInput, 'code' | 'name' | 'provinciaCode'>[],
  crosswalk: ReadonlyMap<string, CrosswalkEntry>,
  referenceDate: string,
): Topology {
  const currentNames = new Map(currentComuni.map((c) => [c.code, c.name]));
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
  rejectUncovered(boundaries, currentComuni, groups, referenceDate);
  const geometries = [...groups].map(([code, shapes]): GeometryObject => {
    const properties = { code, name: currentNames.get(code)! };
    if (shapes.length === 1) return { ...shapes[0]!, properties } as GeometryObject;
    return { ...mergeArcs(topology, shapes as never[]), properties } as GeometryObject;
  });
  return { ...topology, objects: { comuni: { type: 'GeometryCollection', geometries } } };
}

function rejectUncovered(boundaries: BoundariesInput, currentComuni: readonly Pick<ComuneInput, 'code' | 'name' | 'provinciaCode'>[], covered: ReadonlyMap<string, unknown>, referenceDate: string): void {
  const ofProvincia = currentComuni.filter((c) => c.provinciaCode === boundaries.provinciaCode);
  const missing = ofProvincia.filter((c) => !covered.has(c.code)).sort((a, b) => a.code.localeCompare(b.code));
  if (missing.length === 0) return;
  const named = missing.slice(0, MISSING_NAMED).map((c) => `${c.code} ${c.name}`).join(', ');
  const rest = missing.length > MISSING_NAMED ? ` and ${missing.length - MISSING_NAMED} more` : '';
  throw new SourceError({
    file: boundaries.file ?? boundaries.sourceId,
    line: 0,
    column: 0,
    rule: 'incomplete-boundaries',
    explanation: `the shapes cover ${ofProvincia.length - missing.length} of the ${ofProvincia.length} comuni of provincia ${boundaries.provinciaCode} valid on ${referenceDate}; ${missing.length} ${missing.length === 1 ? 'has' : 'have'} none: ${named}${rest}; expected the boundaries of every comune of the provincia (is the file of another provincia, or cut short?)`,
  });
}
