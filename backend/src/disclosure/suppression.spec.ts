import { describe, expect, it } from 'vitest';
import { hierarchyCells, type Hierarchy, type HierarchyCells } from './hierarchy.js';
import { recoverableCells } from './linear-audit.js';
import { PRIMARY, SECONDARY, SHOWN, suppress } from './suppression.js';
import { generateHierarchy } from './testing/generated-hierarchy.js';
import { PublishedSpan, recoveredByDifferencing, type Functional } from './testing/rational-attack.js';

const hierarchyOf = (entries: Record<string, string[]>): Hierarchy => new Map(Object.entries(entries));

function patternOf(hierarchy: Hierarchy, values: Record<string, number> | ReadonlyMap<string, number>, threshold = 5) {
  const cells = hierarchyCells(hierarchy, values instanceof Map ? values : new Map(Object.entries(values)));
  const result = suppress({ values: cells.values, counts: cells.values.map(() => true), relations: cells.relations, threshold });
  const stateOf = (code: string) => result.state[cells.codes.indexOf(code)];
  const hidden = cells.codes.filter((_, i) => result.state[i] !== SHOWN);
  return { cells, result, stateOf, hidden };
}

/**
 * What a public answer publishes (every shown cell, at every level), attacked two ways: by differencing each
 * total against its parts, and by an exact rational solve over the comuni as unknowns.
 */
function attack(hierarchy: Hierarchy, cells: HierarchyCells, shown: (code: string) => boolean): string[] {
  const comuni = new Set(cells.codes.filter((c) => !hierarchy.has(c)));
  const functional = (code: string): Functional =>
    comuni.has(code) ? new Map([[code, 1]]) : new Map(hierarchy.get(code)!.filter((c) => comuni.has(c)).map((c) => [c, 1]));
  const relations = [...hierarchy.keys()].filter((k) => cells.codes.includes(k)).map((k) => [k, ...hierarchy.get(k)!.filter((c) => comuni.has(c))]);
  const byDifference = recoveredByDifferencing(relations, shown);
  const span = new PublishedSpan(cells.codes.filter(shown).map(functional));
  const bySolve = cells.codes.filter((c) => !shown(c) && span.determines(functional(c)));
  return [...new Set([...byDifference, ...bySolve])].sort();
}

describe('primary suppression', () => {
  it('hides every count under the threshold, zero included, and nothing at or above it', () => {
    const values = [0, 1, 4, 5, 6, 120];
    const { state, primary } = suppress({ values, counts: values.map(() => true), relations: [], threshold: 5 });
    expect([...state]).toEqual(values.map((v) => (v < 5 ? PRIMARY : SHOWN)));
    expect(primary).toBe(values.filter((v) => v < 5).length);
  });

  it('leaves cells that are not counts alone, and hides nothing with threshold 0', () => {
    const values = [2, 3];
    expect([...suppress({ values, counts: [false, true], relations: [], threshold: 5 }).state]).toEqual([SHOWN, PRIMARY]);
    expect([...suppress({ values, counts: [true, true], relations: [], threshold: 0 }).state]).toEqual([SHOWN, SHOWN]);
  });
});

describe('secondary suppression on a hierarchy', () => {
  it('hides the smallest sibling of a lone hidden comune, so the Ambito total does not give it away', () => {
    const hierarchy = hierarchyOf({ A: ['c1', 'c2', 'c3'], B: ['c4', 'c5'], P: ['c1', 'c2', 'c3', 'c4', 'c5'] });
    const { stateOf, hidden, cells } = patternOf(hierarchy, { c1: 3, c2: 40, c3: 50, c4: 60, c5: 70 });
    expect(stateOf('c1')).toBe(PRIMARY);
    expect(stateOf('c2')).toBe(SECONDARY);
    expect(hidden).toEqual(['c1', 'c2']);
    expect(attack(hierarchy, cells, (c) => !hidden.includes(c))).toEqual([]);
  });

  it('protects a small Ambito total by hiding its smallest comune, and the provincia stays published', () => {
    const hierarchy = hierarchyOf({ A: ['c1', 'c2'], P: ['c1', 'c2', 'c3'] });
    const { stateOf, hidden, cells } = patternOf(hierarchy, { c1: 0, c2: 4, c3: 900 });
    expect(stateOf('A')).toBe(PRIMARY);
    expect(hidden.sort()).toEqual(['A', 'c1', 'c2', 'c3']);
    expect(stateOf('P')).toBe(SHOWN);
    expect(attack(hierarchy, cells, (c) => !hidden.includes(c))).toEqual([]);
  });

  it('finds what no sum over comuni gives away alone: provincia minus Ambito', () => {
    // c3 is in no Ambito. Hiding c1 for it leaves A's sum with one hidden cell, so c2 goes too; then each
    // sum over comuni has two or more hidden cells, but c3 = P − A: the audit sees it, and so does the
    // one-relation pass through the nested relation P = A + c3.
    const hierarchy = hierarchyOf({ A: ['c1', 'c2'], P: ['c1', 'c2', 'c3'] });
    const values = new Map([['c1', 10], ['c2', 20], ['c3', 1]]);
    const cells = hierarchyCells(hierarchy, values);
    const afterHeuristic = new Set(['c1', 'c2', 'c3']);
    expect(recoverableCells(cells.relations, (i) => afterHeuristic.has(cells.codes[i]!)).map((i) => cells.codes[i])).toEqual(['c3']);
    // With P = A + c3 in view, hiding A (30, below P's 31) and then c1 (A's smallest comune) protects c3
    // and keeps the provincia published.
    const { hidden } = patternOf(hierarchy, values);
    expect(hidden.sort()).toEqual(['A', 'c1', 'c3']);
    expect(attack(hierarchy, cells, (c) => !hidden.includes(c))).toEqual([]);
  });

  it('the attack finds a cell once the pattern is weakened (so it can fail)', () => {
    const hierarchy = hierarchyOf({ A: ['c1', 'c2', 'c3'], P: ['c1', 'c2', 'c3', 'c4'] });
    const { hidden, cells } = patternOf(hierarchy, { c1: 3, c2: 40, c3: 50, c4: 60 });
    const weakened = hidden.filter((c) => c !== 'c2');
    expect(attack(hierarchy, cells, (c) => !weakened.includes(c))).toEqual(['c1']);
  });
});

describe('attack on a generated hierarchy', () => {
  it('recovers no hidden cell of 600 comuni in Ambiti, province and regioni, some outside any Ambito', () => {
    const { hierarchy, values } = generateHierarchy({ comuni: 600, ambiti: 40, province: 10, regioni: 3, smallShare: 0.15, outsideAmbiti: 0.05, seed: 7 });
    const { cells, result, hidden } = patternOf(hierarchy, values);
    expect(result.primary).toBe([...values.values()].filter((v) => v < 5).length + cells.codes.filter((c, i) => hierarchy.has(c) && cells.values[i]! < 5).length);
    expect(result.secondary).toBeGreaterThan(0);
    expect(attack(hierarchy, cells, (c) => !hidden.includes(c))).toEqual([]);
  });

  it('computes a national pattern: 8,000 comuni in ~400 Ambiti, 107 province, 20 regioni', () => {
    const { hierarchy, values } = generateHierarchy({ comuni: 8000, ambiti: 400, province: 107, regioni: 20, smallShare: 0.08, outsideAmbiti: 0.02, seed: 11 });
    const started = performance.now();
    const { cells, result } = patternOf(hierarchy, values);
    const elapsed = performance.now() - started;
    console.log(`national pattern: ${cells.codes.length} cells, ${cells.relations.length} relations, ${result.primary} primary + ${result.secondary} secondary hidden, in ${elapsed.toFixed(0)} ms`);
    const shown = (i: number) => result.state[i] === SHOWN;
    // Differencing every relation, and the audit's own verdict, on the result.
    expect(cells.relations.filter((r) => r.cells.filter((c) => !shown(c)).length === 1)).toEqual([]);
    expect(recoverableCells(cells.relations, (i) => !shown(i))).toEqual([]);
  });
});
