/**
 * An attacker for the disclosure tests, written apart from the audit: exact rational arithmetic on BigInt
 * fractions. Every published cell is a known linear functional of unknown atoms (the per-comune values
 * it sums); a hidden cell is recovered when its functional is a combination of the published ones.
 */

/** atom → coefficient */
export type Functional = ReadonlyMap<string, number>;

interface Fraction {
  n: bigint;
  d: bigint;
}

type SparseRow = Map<string, Fraction>;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

const sub = (a: Fraction, b: Fraction): Fraction => make(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction): Fraction => make(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction): Fraction => make(a.n * b.d, a.d * b.n);

function toRow(functional: Functional): SparseRow {
  const row: SparseRow = new Map();
  for (const [atom, c] of functional) if (c !== 0) row.set(atom, make(BigInt(c), 1n));
  return row;
}

/** The span of the published functionals, in echelon form; answers whether a functional lies in it. */
export class PublishedSpan {
  private readonly basis: { pivot: string; row: SparseRow }[] = [];

  constructor(published: Iterable<Functional>) {
    for (const functional of published) {
      const row = this.reduce(toRow(functional));
      const pivot = row.keys().next();
      if (pivot.done) continue;
      this.basis.push({ pivot: pivot.value, row });
    }
  }

  /** True when the published cells determine this functional's value. */
  determines(functional: Functional): boolean {
    return this.reduce(toRow(functional)).size === 0;
  }

  private reduce(row: SparseRow): SparseRow {
    for (const { pivot, row: basisRow } of this.basis) {
      const entry = row.get(pivot);
      if (entry === undefined) continue;
      const factor = div(entry, basisRow.get(pivot)!);
      for (const [atom, value] of basisRow) {
        const next = sub(row.get(atom) ?? { n: 0n, d: 1n }, mul(factor, value));
        if (next.n === 0n) row.delete(atom);
        else row.set(atom, next);
      }
    }
    return row;
  }
}

/** Differencing: relations (total = Σ parts over cell ids) with exactly one unpublished cell give it away. */
export function recoveredByDifferencing(relations: readonly (readonly string[])[], published: (cell: string) => boolean): string[] {
  const recovered: string[] = [];
  for (const cells of relations) {
    const unknown = cells.filter((c) => !published(c));
    if (unknown.length === 1) recovered.push(unknown[0]!);
  }
  return recovered;
}
