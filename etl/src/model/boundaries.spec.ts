import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../catalog/yaml-file.js';
import { topology as squaresInARow } from '../sources/testing/fixtures.js';
import { dissolveOntoCurrentComuni } from './boundaries.js';
import { buildCrosswalk } from './crosswalk.js';
import type { BoundariesInput } from './input.js';
import { onlyErrorOf } from '../sources/testing/source-errors.js';
import { COLLI_VERDI_MERGER, CURRENT_CODES, suppression } from './testing/territory.js';

const comune = (code: string, name: string, provinciaCode = '018') => ({ code, name, provinciaCode });
/** The comuni valid on the reference date the dissolving tests draw: all those of provincia 018, and one elsewhere. */
const CURRENT = [comune('018110', 'Pavia'), comune('018193', 'Colli Verdi'), comune('019036', 'Cremona', '019')];
const REFERENCE_DATE = '2025-01-01';
/** Every comune of provincia 018 in these fixtures, for the coverage tests. */
const ALL_OF_PAVIA = [comune('018026', 'Campospinoso Albaredo'), comune('018110', 'Pavia'), comune('018177', 'Vigevano'), comune('018193', 'Colli Verdi'), comune('019036', 'Cremona', '019')];
const CROSSWALK = buildCrosswalk(
  [...COLLI_VERDI_MERGER, suppression('018833', 'Fossarmato', '1939-07-13', '018060', true), suppression('018833', 'Fossarmato', '1939-07-13', '018110', true)],
  CURRENT_CODES,
);

/**
 * Three unit squares, in plain coordinates (no transform): Canevino [0,1]×[0,1] and Colli Verdi
 * [1,2]×[0,1] share the edge x = 1 (arc 0); Pavia [5,6]×[0,1] stands apart.
 */
function adjacentSquares(): Topology {
  const square = (arcs: number[], code: string, name: string) => ({ type: 'Polygon', arcs: [arcs], properties: { com_istat_code: code, name } });
  return {
    type: 'Topology',
    objects: {
      municipalities: {
        type: 'GeometryCollection',
        geometries: [square([0, 1], '018028', 'Canevino'), square([2, ~0], '018193', 'Colli Verdi'), square([3], '018110', 'Pavia')],
      },
    },
    arcs: [
      [[1, 0], [1, 1]],
      [[1, 1], [0, 1], [0, 0], [1, 0]],
      [[1, 0], [2, 0], [2, 1], [1, 1]],
      [[5, 0], [5, 1], [6, 1], [6, 0], [5, 0]],
    ],
  } as Topology;
}

/** The boundaries as read from a file whose object lists the given comuni, geometry i for comune i. */
function boundaries(topology: object, comuni: readonly (readonly [string, string])[]): BoundariesInput {
  return { sourceId: 'limits_P_18', file: 'boundaries/limits_P_18.topo.json', provinciaCode: '018', topology, objectName: 'municipalities', geometries: comuni.map(([code, name], index) => ({ code, name, index })) };
}

const comuniOf = (result: Topology) => (result.objects.comuni as GeometryCollection<{ code: string; name: string }>).geometries;

/** Twice the signed area of a ring (shoelace formula). */
const doubledArea = (ring: readonly GeoJSON.Position[]) => ring.reduce((sum, [x, y], i) => {
  const [nx, ny] = ring[(i + 1) % ring.length]!;
  return sum + x! * ny! - nx! * y!;
}, 0);

/** The area of each polygon of a comune's geometry, from its coordinates (outer ring). */
function areas(result: Topology, code: string): number[] {
  const geometry = comuniOf(result).find((g) => (g.properties as { code?: string } | undefined)?.code === code) as TopoPolygon | TopoMultiPolygon;
  const shape = geometry.type === 'Polygon' ? [feature(result, geometry).geometry.coordinates] : feature(result, geometry).geometry.coordinates;
  return shape.map(([outer]) => Math.abs(doubledArea(outer!)) / 2);
}

describe('dissolveOntoCurrentComuni', () => {
  it('dissolves an adjacent old comune into its successor: one polygon with their common outline', () => {
    const topology = adjacentSquares();
    const before = structuredClone(topology);
    const result = dissolveOntoCurrentComuni(boundaries(topology, [['018028', 'Canevino'], ['018193', 'Colli Verdi'], ['018110', 'Pavia']]), CURRENT, CROSSWALK, REFERENCE_DATE);

    expect(Object.keys(result.objects)).toEqual(['comuni']);
    expect(result.arcs).toBe(topology.arcs);
    expect(comuniOf(result)).toEqual([
      // mergeArcs always returns a MultiPolygon: here of one polygon, outlined by arcs 1 and 2 (the shared arc 0 dropped).
      { type: 'MultiPolygon', arcs: [[[1, 2]]], properties: { code: '018193', name: 'Colli Verdi' } },
      { type: 'Polygon', arcs: [[3]], properties: { code: '018110', name: 'Pavia' } },
    ]);
    expect(areas(result, '018193')).toEqual([2]);
    expect(areas(result, '018110')).toEqual([1]);
    expect(topology).toEqual(before);
  });

  it('dissolves comuni that do not touch into one MultiPolygon of separate polygons', () => {
    // Squares of side 90 every 100 units, in quantized coordinates: they do not share arcs.
    const comuni = [['018028', 'Canevino'], ['018132', 'Ruino'], ['018110', 'Pavia']] as const;
    const result = dissolveOntoCurrentComuni(boundaries(squaresInARow(comuni), comuni), CURRENT, CROSSWALK, REFERENCE_DATE);
    expect(comuniOf(result)).toEqual([
      { type: 'MultiPolygon', arcs: [[[0]], [[1]]], properties: { code: '018193', name: 'Colli Verdi' } },
      { type: 'Polygon', arcs: [[2]], properties: { code: '018110', name: 'Pavia' } },
    ]);
  });

  it('relabels an old comune drawn alone with its successor’s code and name, keeping its shape', () => {
    const comuni = [['018028', 'Canevino'], ['018110', 'Pavia']] as const;
    const result = dissolveOntoCurrentComuni(boundaries(squaresInARow(comuni), comuni), CURRENT, CROSSWALK, REFERENCE_DATE);
    expect(comuniOf(result)).toEqual([
      { type: 'Polygon', arcs: [[0]], properties: { code: '018193', name: 'Colli Verdi' } },
      { type: 'Polygon', arcs: [[1]], properties: { code: '018110', name: 'Pavia' } },
    ]);
    expect((comuniOf(result)[0] as TopoPolygon).properties).not.toHaveProperty('com_istat_code');
  });

  it('refuses boundaries of comuni that cannot be placed on a current comune, naming every one', () => {
    const comuni = [['018833', 'Fossarmato'], ['018110', 'Pavia'], ['018999', 'Sconosciuto']] as const;
    const dissolve = () => dissolveOntoCurrentComuni(boundaries(squaresInARow(comuni), comuni), CURRENT, CROSSWALK, REFERENCE_DATE);
    expect(dissolve).toThrow(CatalogError);
    expect(dissolve).toThrow('limits_P_18: boundaries of comuni 018833, 018999 cannot be placed on any current comune');
  });

  it('refuses boundaries that leave comuni of their provincia without a shape, saying how many and which', async () => {
    const comuni = [['018110', 'Pavia'], ['018028', 'Canevino']] as const;
    const error = await onlyErrorOf(() => dissolveOntoCurrentComuni(boundaries(squaresInARow(comuni), comuni), ALL_OF_PAVIA, CROSSWALK, REFERENCE_DATE));
    expect(error).toMatchObject({ file: 'boundaries/limits_P_18.topo.json', line: 0, column: 0, rule: 'incomplete-boundaries' });
    expect(error.message).toBe(
      'boundaries/limits_P_18.topo.json:0:0: the shapes cover 2 of the 4 comuni of provincia 018 valid on 2025-01-01; 2 have none: 018026 Campospinoso Albaredo, 018177 Vigevano; expected the boundaries of every comune of the provincia (is the file of another provincia, or cut short?) [incomplete-boundaries]',
    );
  });

  it('lists at most five of the comuni without a shape', async () => {
    const many = [...ALL_OF_PAVIA, ...Array.from({ length: 10 }, (_, i) => comune(`0183${String(i).padStart(2, '0')}`, `Nuovo ${i}`))];
    const comuni = [['018110', 'Pavia']] as const;
    const error = await onlyErrorOf(() => dissolveOntoCurrentComuni(boundaries(squaresInARow(comuni), comuni), many, CROSSWALK, REFERENCE_DATE));
    expect(error.message).toContain('the shapes cover 1 of the 14 comuni of provincia 018 valid on 2025-01-01; 13 have none: 018026 Campospinoso Albaredo, 018177 Vigevano, 018193 Colli Verdi, 018300 Nuovo 0, 018301 Nuovo 1 and 8 more;');
  });

  it('counts a comune as covered through the shapes of the comuni merged into it', () => {
    const comuni = [['018026', 'Campospinoso'], ['018110', 'Pavia'], ['018177', 'Vigevano'], ['018028', 'Canevino'], ['018132', 'Ruino']] as const;
    expect(comuniOf(dissolveOntoCurrentComuni(boundaries(squaresInARow(comuni), comuni), ALL_OF_PAVIA, CROSSWALK, REFERENCE_DATE)).map((g) => (g.properties as { code: string }).code)).toEqual(['018026', '018110', '018177', '018193']);
  });
});

