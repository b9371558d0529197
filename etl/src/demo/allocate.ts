/**
 * Whole numbers from shares (largest remainder): each share rounded down, the units left over given to
 * the largest fractions (ties to the first). The result always sums to `total` exactly.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`allocate: ${total} is not a non-negative whole number`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map(() => 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0))) throw new Error('allocate: expected non-negative weights with a positive sum');
  const exact = weights.map((w) => (w / sum) * total);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    result[i]! += 1;
    left -= 1;
  }
  return result;
}

/** A value between `from` and `to` by linear interpolation over knots [x, y] sorted by x. */
export function interpolate(knots: readonly (readonly [number, number])[], x: number): number {
  if (x <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i += 1) {
    const [x1, y1] = knots[i]!;
    const [x0, y0] = knots[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return knots[knots.length - 1]![1];
}

export const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));
