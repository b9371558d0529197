import { recoverableCells, type LinearRelation } from './linear-audit.js';

export const SHOWN = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

export interface SuppressionInput {
  /** The published value of each cell. */
  readonly values: readonly number[];
  /** Cells that are counts, which the threshold applies to (others are hidden only to protect a count). */
  readonly counts: readonly boolean[];
  readonly relations: readonly LinearRelation[];
  /** Counts under it are hidden; 0 hides nothing. */
  readonly threshold: number;
}

export interface SuppressionResult {
  /** Per cell: SHOWN, PRIMARY or SECONDARY. */
  readonly state: Uint8Array;
  readonly primary: number;
  readonly secondary: number;
}

/**
 * Primary suppression: every count under the threshold, zero included (a published 0 tells that nobody in
 * the comune is in the group, and a 0 shown beside hidden cells narrows what they can be). Secondary: in
 * every relation left with exactly one hidden cell, hide its smallest other cell, to a fixpoint; then audit
 * the whole system exactly and, for each cell still recoverable, hide the smallest published cell of a
 * relation it is in, until nothing can be worked out.
 */
export function suppress(input: SuppressionInput): SuppressionResult {
  const { values, counts, relations, threshold } = input;
  const state = new Uint8Array(values.length);
  if (threshold <= 0) return { state, primary: 0, secondary: 0 };
  let primary = 0;
  values.forEach((value, cell) => {
    if (counts[cell] && value < threshold) {
      state[cell] = PRIMARY;
      primary += 1;
    }
  });
  if (primary === 0) return { state, primary, secondary: 0 };

  const relationsOf: number[][] = values.map(() => []);
  relations.forEach((relation, r) => {
    for (const cell of relation.cells) relationsOf[cell]!.push(r);
  });
  // How many hidden cells each relation has, kept as cells are hidden.
  const hiddenIn = new Int32Array(relations.length);
  relations.forEach((relation, r) => {
    for (const cell of relation.cells) if (state[cell] !== SHOWN) hiddenIn[r]! += 1;
  });
  const hide = (cell: number) => {
    if (state[cell] !== SHOWN) return;
    state[cell] = SECONDARY;
    for (const r of relationsOf[cell]!) hiddenIn[r]! += 1;
  };
  const smallestShown = (relation: LinearRelation): number | undefined => {
    let best: number | undefined;
    for (const cell of relation.cells) {
      if (state[cell] !== SHOWN) continue;
      if (best === undefined || values[cell]! < values[best]! || (values[cell] === values[best] && cell < best)) best = cell;
    }
    return best;
  };

  let pending = relations.map((_, r) => r);
  for (;;) {
    closeSingleHidden(relations, relationsOf, hiddenIn, pending, smallestShown, hide);
    const recoverable = recoverableCells(relations, (cell) => state[cell] !== SHOWN);
    if (recoverable.length === 0) break;
    pending = [];
    // One extra cell per leak and round: cells recovered through a relation just changed wait for the next audit.
    const changed = new Set<number>();
    for (const cell of recoverable) {
      if (relationsOf[cell]!.some((r) => changed.has(r))) continue;
      const extra = nearestShown(cell, relations, relationsOf, hiddenIn, smallestShown);
      if (extra === undefined) throw new Error(`cell ${cell} is recoverable but no relation near it has a published cell`);
      hide(extra);
      pending.push(...relationsOf[extra]!);
      for (const r of relationsOf[extra]!) changed.add(r);
    }
  }
  let secondary = 0;
  for (const s of state) if (s === SECONDARY) secondary += 1;
  return { state, primary, secondary };
}

/**
 * The smallest published cell of the relations nearest `cell`: its own relations first (the one with the
 * fewest hidden cells gives it away most directly), else those reached through the hidden cells they share.
 */
function nearestShown(
  cell: number,
  relations: readonly LinearRelation[],
  relationsOf: readonly (readonly number[])[],
  hiddenIn: Int32Array,
  smallestShown: (relation: LinearRelation) => number | undefined,
): number | undefined {
  const seenRelations = new Set<number>();
  const seenCells = new Set<number>([cell]);
  let frontier = [cell];
  while (frontier.length > 0) {
    const ring = [...new Set(frontier.flatMap((c) => relationsOf[c]!))].filter((r) => !seenRelations.has(r));
    ring.forEach((r) => seenRelations.add(r));
    for (const r of ring.sort((a, b) => hiddenIn[a]! - hiddenIn[b]! || a - b)) {
      if (hiddenIn[r]! < relations[r]!.cells.length) return smallestShown(relations[r]!);
    }
    frontier = ring.flatMap((r) => relations[r]!.cells).filter((c) => !seenCells.has(c));
    frontier.forEach((c) => seenCells.add(c));
  }
  return undefined;
}

function closeSingleHidden(
  relations: readonly LinearRelation[],
  relationsOf: readonly (readonly number[])[],
  hiddenIn: Int32Array,
  pending: number[],
  smallestShown: (relation: LinearRelation) => number | undefined,
  hide: (cell: number) => void,
): void {
  const queued = new Uint8Array(relations.length);
  const queue = [...new Set(pending)];
  for (const r of queue) queued[r] = 1;
  while (queue.length > 0) {
    const r = queue.pop()!;
    queued[r] = 0;
    const relation = relations[r]!;
    if (hiddenIn[r] !== 1) continue;
    const extra = smallestShown(relation);
    if (extra === undefined) continue;
    hide(extra);
    for (const next of relationsOf[extra]!) {
      if (queued[next] === 0) {
        queued[next] = 1;
        queue.push(next);
      }
    }
  }
}
