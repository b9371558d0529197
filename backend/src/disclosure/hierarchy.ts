import type { LinearRelation } from './linear-audit.js';

/** Each Ambito, provincia, regione and Italia, with the comuni it contains. */
export type Hierarchy = ReadonlyMap<string, readonly string[]>;

/** One quantity published for every territory: the comuni with data, then every container with any of them. */
export interface HierarchyCells {
  readonly codes: readonly string[];
  readonly values: readonly number[];
  /** Each container's value is the sum of its comuni with data (as the values endpoint sums them). */
  readonly relations: readonly LinearRelation[];
}

export function hierarchyCells(hierarchy: Hierarchy, comuneValues: ReadonlyMap<string, number>): HierarchyCells {
  const codes = [...comuneValues.keys()].sort();
  const values = codes.map((code) => comuneValues.get(code)!);
  const index = new Map(codes.map((code, i) => [code, i]));
  const relations: LinearRelation[] = [];
  for (const container of [...hierarchy.keys()].sort()) {
    const members = hierarchy.get(container)!.map((code) => index.get(code)).filter((i): i is number => i !== undefined);
    if (members.length === 0) continue;
    const cell = codes.length;
    codes.push(container);
    values.push(members.reduce((sum, i) => sum + values[i]!, 0));
    relations.push({ cells: [cell, ...members], coefficients: [1, ...members.map(() => -1)] });
  }
  return { codes, values, relations };
}
