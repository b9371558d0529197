/**
 * Which hidden cells can be worked out from the published ones. The published quantities obey linear
 * relations Σ coefficient·cell = 0 (a total is the sum of its parts); moving the published cells to the
 * right-hand side leaves a system over the hidden cells. A hidden cell is recoverable exactly when its unit
 * vector lies in the row space of that system, i.e. when its row of the reduced row echelon form holds it
 * alone.
 *
 * The elimination is exact, in the integers modulo a prime below 2^26 (every product of two residues is
 * exact in a double). Relation matrices of a territorial hierarchy are totally unimodular (laminar sums), so
 * their rank modulo any odd prime is their rational rank; for other integer relations a difference would
 * need the prime to divide one of the matrix's minors.
 */

/** Σ coefficients[i] · cell[cells[i]] = 0 among the quantities a public answer publishes. */
export interface LinearRelation {
  readonly cells: readonly number[];
  readonly coefficients: readonly number[];
}

export const AUDIT_PRIME = 67_108_859;

type Row = Map<number, number>;

/** The hidden cells (ascending) that the relations and the published cells determine. */
export function recoverableCells(relations: readonly LinearRelation[], isHidden: (cell: number) => boolean): number[] {
  const rows: Row[] = [];
  for (const relation of relations) {
    const row: Row = new Map();
    relation.cells.forEach((cell, i) => {
      if (!isHidden(cell)) return;
      const sum = (row.get(cell) ?? 0) + residue(relation.coefficients[i]!);
      if (sum % AUDIT_PRIME === 0) row.delete(cell);
      else row.set(cell, sum % AUDIT_PRIME);
    });
    if (row.size > 0) rows.push(row);
  }
  // Small relations first: in a hierarchy the comuni of an Ambito are pivoted before its provincia is
  // reduced, so reducing a larger total removes whole sub-sums and the rows stay short.
  rows.sort((a, b) => a.size - b.size);

  const pivotRow = new Map<number, Row>();
  // For each non-pivot column, the pivots whose rows hold it (to keep the form reduced).
  const holders = new Map<number, Set<number>>();

  for (const row of rows) {
    for (const column of [...row.keys()]) {
      const pivot = pivotRow.get(column);
      const factor = row.get(column);
      if (pivot !== undefined && factor !== undefined) subtractMultiple(row, pivot, factor);
    }
    if (row.size === 0) continue;
    const pivotColumn = choosePivot(row, holders);
    scale(row, inverse(row.get(pivotColumn)!));
    for (const holder of [...(holders.get(pivotColumn) ?? [])]) {
      const other = pivotRow.get(holder)!;
      const factor = other.get(pivotColumn)!;
      const before = new Set(other.keys());
      subtractMultiple(other, row, factor);
      for (const column of before) if (!other.has(column)) holders.get(column)?.delete(holder);
      for (const column of other.keys()) if (column !== holder && !before.has(column)) holdersOf(holders, column).add(holder);
    }
    holders.delete(pivotColumn);
    pivotRow.set(pivotColumn, row);
    for (const column of row.keys()) if (column !== pivotColumn) holdersOf(holders, column).add(pivotColumn);
  }

  const recoverable: number[] = [];
  for (const [column, row] of pivotRow) if (row.size === 1) recoverable.push(column);
  return recoverable.sort((a, b) => a - b);
}

// A column no other pivot row holds costs no back-substitution.
function choosePivot(row: Row, holders: ReadonlyMap<number, ReadonlySet<number>>): number {
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const column of row.keys()) {
    const cost = holders.get(column)?.size ?? 0;
    if (cost < bestCost || (cost === bestCost && column < best)) {
      best = column;
      bestCost = cost;
    }
  }
  return best;
}

function holdersOf(holders: Map<number, Set<number>>, column: number): Set<number> {
  let set = holders.get(column);
  if (set === undefined) holders.set(column, (set = new Set()));
  return set;
}

/** target -= factor · source, modulo the prime. */
function subtractMultiple(target: Row, source: Row, factor: number): void {
  for (const [column, value] of source) {
    const next = ((target.get(column) ?? 0) - multiply(factor, value) + AUDIT_PRIME) % AUDIT_PRIME;
    if (next === 0) target.delete(column);
    else target.set(column, next);
  }
}

function scale(row: Row, factor: number): void {
  for (const [column, value] of row) row.set(column, multiply(value, factor));
}

function multiply(a: number, b: number): number {
  return (a * b) % AUDIT_PRIME;
}

function residue(coefficient: number): number {
  if (!Number.isInteger(coefficient)) throw new Error(`relation coefficients must be whole numbers; got ${coefficient}`);
  return ((coefficient % AUDIT_PRIME) + AUDIT_PRIME) % AUDIT_PRIME;
}

function inverse(value: number): number {
  let [oldR, r] = [value, AUDIT_PRIME];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % AUDIT_PRIME) + AUDIT_PRIME) % AUDIT_PRIME;
}
