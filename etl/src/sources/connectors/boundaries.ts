/**
 * Comune boundaries, as TopoJSON (one Topology with exactly one object, a GeometryCollection) or as
 * GeoJSON (a FeatureCollection, converted to such a topology); each geometry carries the comune code
 * and name as properties (openpolis: `com_istat_code`, `name`).
 */
import { padCode } from '../cells.js';
import type { DescriptorOf } from '../descriptor.js';
import { excerpt, SourceError, SourceErrorCollector } from '../errors.js';
import { parseJsonDocument } from '../json-syntax.js';
import type { ColumnNames } from '../table.js';
import type { SourceText } from './connector.js';
import { GEOJSON_OBJECT, topologyFromGeoJson } from './geojson-topology.js';
import { isRecord } from '../is-record.js';
import { checkTopologyStructure } from './topology-structure.js';

export interface BoundaryGeometry {
  readonly code: string;
  readonly name: string;
  /** Index of the geometry in the object's `geometries`. */
  readonly index: number;
}

export interface BoundariesRecord {
  /** Relative to the data folder, as errors name it. */
  readonly file: string;
  /** The parsed TopoJSON Topology, as published (or as converted from GeoJSON). */
  readonly topology: object;
  readonly objectName: string;
  readonly provinciaCode: string;
  readonly geometries: readonly BoundaryGeometry[];
}

export function readBoundaries(input: SourceText, descriptor: DescriptorOf<'boundaries'>): BoundariesRecord {
  const { file } = input;
  const geojson = descriptor.format === 'geojson';
  const rule = geojson ? 'bad-geojson' : 'bad-topojson';
  const fail = (explanation: string, failRule = rule) => new SourceError({ file, line: 0, column: 0, rule: failRule, explanation });
  const document = parseJsonDocument(file, input.text, rule, geojson ? 'a GeoJSON document' : 'a TopoJSON document');
  const topology = geojson ? topologyFromGeoJson(file, document) : document;
  if (!isRecord(topology) || topology.type !== 'Topology') {
    const found = isRecord(topology) && typeof topology.type === 'string' ? `a "${excerpt(topology.type)}"${topology.type === 'FeatureCollection' ? ' (GeoJSON)' : ''}` : 'not a TopoJSON object';
    throw fail(`the file is ${found}; expected a TopoJSON object with "type": "Topology", or declare format: geojson`);
  }
  if (!Array.isArray(topology.arcs)) throw fail('the Topology has no "arcs" list; expected TopoJSON as written by topojson-server');
  const objectNames = isRecord(topology.objects) ? Object.keys(topology.objects) : [];
  if (objectNames.length !== 1) {
    throw fail(`the Topology has ${objectNames.length} objects${objectNames.length > 0 ? ` (${excerpt(objectNames.join(', '), 80)})` : ''}; expected exactly one, with the comuni`);
  }
  const objectName = objectNames[0]!;
  const object = (topology.objects as Record<string, unknown>)[objectName];
  if (!isRecord(object) || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    throw fail(`object "${excerpt(objectName)}" is not a GeometryCollection with a "geometries" list; expected one geometry per comune`);
  }
  if (object.geometries.length === 0) throw fail(`object "${excerpt(objectName)}" has no geometries; expected one geometry per comune`);

  const describeGeometry = (index: number) => (geojson && objectName === GEOJSON_OBJECT ? `feature ${index}` : `geometry ${index} of object "${excerpt(objectName)}"`);
  const errors = new SourceErrorCollector();
  checkTopologyStructure({ file, rule, describe: describeGeometry }, topology, object.geometries, errors);
  errors.throwIfAny();
  const geometries: BoundaryGeometry[] = [];
  const firstIndex = new Map<string, number>();
  object.geometries.forEach((geometry: unknown, index) => {
    const where = describeGeometry(index);
    const properties = isRecord(geometry) && isRecord(geometry.properties) ? geometry.properties : {};
    const rawCode = propertyOf(properties, descriptor.columns.code);
    const rawName = propertyOf(properties, descriptor.columns.name);
    const code = typeof rawCode === 'string' || typeof rawCode === 'number' ? padCode(String(rawCode).trim(), 6) : null;
    if (rawCode === undefined) errors.add(fail(`${where} has no property ${describe(descriptor.columns.code)}; expected the comune code in every geometry`, 'missing-column'));
    else if (code === null) errors.add(fail(`${where} has ${excerpt(JSON.stringify(rawCode))} as ${describe(descriptor.columns.code)}; expected an ISTAT comune code of 1 to 6 digits, like 018110`, 'bad-code'));
    if (typeof rawName !== 'string' || rawName.trim() === '') errors.add(fail(`${where} has no text in property ${describe(descriptor.columns.name)}; expected the comune name`, 'missing-column'));
    if (code === null || typeof rawName !== 'string') return;
    const first = firstIndex.get(code);
    if (first !== undefined) errors.add(fail(`${where} has code ${code}, like ${describeGeometry(first).replace(/ of object .*$/, '')}; expected one geometry per comune`, 'duplicate-key'));
    firstIndex.set(code, first ?? index);
    geometries.push({ code, name: rawName.trim(), index });
  });
  errors.throwIfAny();
  return { file, topology, objectName, provinciaCode: descriptor.provincia_code, geometries };
}

/** A property by any accepted name: exactly as written first, then ignoring case. */
function propertyOf(properties: Record<string, unknown>, names: ColumnNames): unknown {
  for (const name of names) if (name in properties) return properties[name];
  const lowerCase = new Map(Object.keys(properties).map((key) => [key.toLowerCase(), key]));
  for (const name of names) {
    const key = lowerCase.get(name.toLowerCase());
    if (key !== undefined) return properties[key];
  }
  return undefined;
}

function describe(names: ColumnNames): string {
  return names.map((name) => `"${name}"`).join(' or ');
}
