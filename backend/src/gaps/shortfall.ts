/** Units missing to reach `target` (on the value scale): max(0, target × denominator ÷ multiplier − numerator). */
export function shortfall(target: number, numerator: number, denominator: number, multiplier: number): number {
  return Math.max(0, (target * denominator) / multiplier - numerator);
}
