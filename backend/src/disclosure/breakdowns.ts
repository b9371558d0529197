/**
 * The breakdowns of one variable that answers publish (sex × age band: residents T/TOT, M/TOT, F/Y0-2,
 * T/Y65-, …), which tie each other: T = M + F, Y0-14 = Y0-2 + Y3-5 + … whenever the bands published cover
 * it, residents − under 12 = 12 and over. Hiding a small count of one breakdown alone is then not enough.
 *
 * For each breakdown we find a change of the population that moves it and as few other breakdowns as can
 * be: one more resident in one piece of age and sex, and one fewer in another (or none). Where that
 * breakdown is hidden in a territory, every breakdown the change moves is hidden there too. Then, for each
 * hidden cell, that change spread over the territories hidden with it (by the hierarchy's own audited
 * pattern) alters the cell and no published number, across levels, bands and sexes alike: nothing
 * published determines it.
 */

export interface Breakdown {
  readonly sex: string;
  readonly band: string;
}

/** One resident moved: added in `plus` (a sex and an inclusive range of ages), taken from `minus` if any. */
export interface Move {
  readonly plus: Piece;
  readonly minus: Piece | null;
}

export interface Piece {
  readonly sex: 'M' | 'F';
  readonly from: number;
  readonly to: number;
}

/** For one breakdown: the change that protects it, and the breakdowns (by index, itself included) it moves. */
export interface Protection {
  readonly move: Move;
  readonly moved: readonly number[];
}

// Single ages 0…100 (100 meaning 100 and over), as datasets/age_bands.yaml counts them.
const OPEN_AGE = 100;
const AGES = OPEN_AGE + 1;

/** 'TOT' → 0…100; 'Y5' → 5; 'Y0-11' → 0…11; 'Y12-' → 12…100 (the rule of etl/src/stage/bands.ts). */
function ages(band: string): [from: number, to: number] {
  if (band === 'TOT') return [0, OPEN_AGE];
  const match = /^Y(\d+)(-(\d*))?$/.exec(band);
  if (!match) throw new Error(`"${band}" is not an age band`);
  const from = Number(match[1]);
  if (match[2] === undefined) return [from, from];
  return [from, match[3] === '' ? OPEN_AGE : Math.min(Number(match[3]), OPEN_AGE)];
}

/** The pieces of age the bands cut (each age in exactly one), for both sexes. */
function piecesOf(breakdowns: readonly Breakdown[]): Piece[] {
  const cuts = new Set([0, AGES]);
  for (const { band } of breakdowns) {
    const [from, to] = ages(band);
    cuts.add(from);
    cuts.add(to + 1);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return (['M', 'F'] as const).flatMap((sex) => sorted.slice(0, -1).map((from, i) => ({ sex, from, to: sorted[i + 1]! - 1 })));
}

function covers({ sex, band }: Breakdown, piece: Piece): boolean {
  if (sex !== 'T' && sex !== piece.sex) return false;
  const [from, to] = ages(band);
  return from <= piece.from && piece.to <= to;
}

/** For each breakdown, the move that shifts it with the fewest other breakdowns (the first such, in a fixed order). */
export function protections(breakdowns: readonly Breakdown[]): Protection[] {
  for (const b of breakdowns) if (b.sex !== 'T' && b.sex !== 'M' && b.sex !== 'F') throw new Error(`"${b.sex}" is not a sex (T, M or F)`);
  const pieces = piecesOf(breakdowns);
  const inside = pieces.map((piece) => breakdowns.map((b) => (covers(b, piece) ? 1 : 0)));
  const moves: { move: Move; moved: number[] }[] = [];
  pieces.forEach((plus, p) => {
    moves.push({ move: { plus, minus: null }, moved: breakdowns.flatMap((_, k) => (inside[p]![k] ? [k] : [])) });
    pieces.forEach((minus, m) => {
      if (m !== p) moves.push({ move: { plus, minus }, moved: breakdowns.flatMap((_, k) => (inside[p]![k] !== inside[m]![k] ? [k] : [])) });
    });
  });
  return breakdowns.map((_, k) => {
    let best: { move: Move; moved: number[] } | undefined;
    for (const candidate of moves) if (candidate.moved.includes(k) && (best === undefined || candidate.moved.length < best.moved.length)) best = candidate;
    return best!;
  });
}
