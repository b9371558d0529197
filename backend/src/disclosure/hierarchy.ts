import type { LinearRelation } from './linear-audit.js';

/** Each Ambito, provincia, regione and Italia, with the comuni it contains. */
export type Hierarchy = ReadonlyMap<string, readonly string[]>;

/** One quantity published for every territory: the comuni with data, then every container with any of them. */
export interface HierarchyCells {
  readonly codes: readonly string[];
  readonly values: readonly number[];
  /**
   * Each container's value is the sum of its comuni with data (as the values endpoint sums them); and,
   * implied by those, the sum of its largest sub-containers and the comuni outside them (a provincia is its
   * Ambiti plus the comuni in none; a container with the same comuni as another equals it).
   */
  readonly relations: readonly LinearRelation[];
}

export function hierarchyCells(hierarchy: Hierarchy, comuneValues: ReadonlyMap<string, number>): HierarchyCells {
  const codes = [...comuneValues.keys()].sort();
  const values = codes.map((code) => comuneValues.get(code)!);
  const index = new Map(codes.map((code, i) => [code, i]));
  const relations: LinearRelation[] = [];
  const containers: { cell: number; members: Set<number> }[] = [];
  for (const container of [...hierarchy.keys()].sort()) {
    const members = [...new Set(hierarchy.get(container)!.map((code) => index.get(code)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    if (members.length === 0) continue;
    const cell = codes.length;
    codes.push(container);
    values.push(members.reduce((sum, i) => sum + values[i]!, 0));
    relations.push({ cells: [cell, ...members], coefficients: [1, ...members.map(() => -1)] });
    containers.push({ cell, members: new Set(members) });
  }
  relations.push(...nestedRelations(containers));
  return { codes, values, relations };
}

/**
 * The relations between nested containers. They follow from the sums over comuni, so they add nothing to
 * what can be worked out; they let the one-relation pass see a provincia minus its Ambiti at once.
 */
function nestedRelations(containers: readonly { cell: number; members: ReadonlySet<number> }[]): LinearRelation[] {
  const byComune = new Map<number, number[]>();
  containers.forEach((c, k) => {
    for (const m of c.members) {
      let list = byComune.get(m);
      if (list === undefined) byComune.set(m, (list = []));
      list.push(k);
    }
  });
  const relations: LinearRelation[] = [];
  containers.forEach((outer, k) => {
    const touching = new Set<number>();
    for (const m of outer.members) for (const other of byComune.get(m)!) if (other !== k) touching.add(other);
    const inside: number[] = [];
    for (const other of touching) {
      const members = containers[other]!.members;
      if (members.size > outer.members.size || ![...members].every((m) => outer.members.has(m))) continue;
      if (members.size === outer.members.size) {
        // Same comuni: the two totals are equal. Written once, from the later container.
        if (other < k) relations.push({ cells: [outer.cell, containers[other]!.cell], coefficients: [1, -1] });
        continue;
      }
      inside.push(other);
    }
    const largest = inside.filter((d) => !inside.some((e) => e !== d && strictlyWithin(containers[d]!.members, containers[e]!.members)));
    // Of containers with the same comuni, one stands for them all.
    const distinct = largest.filter((d) => !largest.some((e) => e < d && sameMembers(containers[d]!.members, containers[e]!.members)));
    if (distinct.length === 0) return;
    const covered = new Set<number>();
    for (const d of distinct) {
      for (const m of containers[d]!.members) {
        if (covered.has(m)) return; // overlapping sub-containers: no simple sum (the audit still sees everything)
        covered.add(m);
      }
    }
    const rest = [...outer.members].filter((m) => !covered.has(m));
    const cells = [outer.cell, ...distinct.map((d) => containers[d]!.cell), ...rest];
    relations.push({ cells, coefficients: [1, ...cells.slice(1).map(() => -1)] });
  });
  return relations;
}

function strictlyWithin(inner: ReadonlySet<number>, outer: ReadonlySet<number>): boolean {
  return inner.size < outer.size && [...inner].every((m) => outer.has(m));
}

function sameMembers(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((m) => b.has(m));
}
