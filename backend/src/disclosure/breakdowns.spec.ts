import { expect, it } from 'vitest';
import { protections, type Breakdown } from './breakdowns.js';

// Made-up residents by sex and single age (any numbers do), and each breakdown summed from them.
const population = () => ({ M: Array.from({ length: 101 }, (_, age) => ((age * 37) % 23) + 1), F: Array.from({ length: 101 }, (_, age) => ((age * 41) % 19) + 2) });
type Population = ReturnType<typeof population>;
function sumOf(people: Population, { sex, band }: Breakdown): number {
  const [from, to = from] = band === 'TOT' ? ['0', '100'] : band.slice(1).split('-');
  let total = 0;
  for (let age = Number(from); age <= (to === '' ? 100 : Number(to)); age += 1) total += (sex === 'F' ? 0 : people.M[age]!) + (sex === 'M' ? 0 : people.F[age]!);
  return total;
}

const PUBLISHED: Breakdown[] = ['TOT', 'Y0-14', 'Y15-64', 'Y65-', 'Y75-', 'Y0-11', 'Y12-', 'Y0-2', 'Y0-5', 'Y85-'].map((band) => ({ sex: 'T', band }));
PUBLISHED.push({ sex: 'M', band: 'TOT' }, { sex: 'F', band: 'TOT' }, { sex: 'F', band: 'Y15-49' });
const name = (k: number) => `${PUBLISHED[k]!.sex}|${PUBLISHED[k]!.band}`;

it('protects each breakdown with a move of residents that changes it and exactly the breakdowns it names', () => {
  protections(PUBLISHED).forEach(({ move, moved }, k) => {
    expect(moved, name(k)).toContain(k);
    // Apply the move to a population, at one age inside each piece, and see what changes.
    const before = population();
    const after = population();
    after[move.plus.sex][move.plus.from]! += 1;
    if (move.minus) after[move.minus.sex][move.minus.to]! -= 1;
    const changed = PUBLISHED.flatMap((b, j) => (sumOf(before, b) !== sumOf(after, b) ? [j] : []));
    expect(changed.map(name), name(k)).toEqual([...moved].sort((a, b) => a - b).map(name));
  });
});

it('ties the sexes and the bands that add up, and leaves alone a band nothing else gives away', () => {
  const movedWith = (sex: string, band: string) => protections(PUBLISHED)[PUBLISHED.findIndex((b) => b.sex === sex && b.band === band)]!.moved.map(name).sort();
  // Women = residents − men: one woman more and one man fewer moves only the two.
  expect(movedWith('F', 'TOT')).toEqual(['F|TOT', 'M|TOT']);
  // 12 and over = residents − under 12: a resident moved across 12 moves both bands, and 0-14 or 0-5 with them.
  expect(movedWith('T', 'Y12-')).toContain('T|Y0-11');
  // 85 and over: moved against someone aged 75-84, it moves nothing else published.
  expect(movedWith('T', 'Y85-')).toEqual(['T|Y85-']);
});
