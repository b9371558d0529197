// Interval for a mean (amount ÷ number of units, e.g. taxable income ÷ taxpayers): none. A confidence
// interval for a mean needs the spread of the individual amounts (a standard deviation, or counts and
// amounts by class), and the sources give only the total amount and the number of units per comune, so
// any interval would be invented. The engine can still show the value; the reason says why there is no CI.
import type { IntervalResult } from './types.js';

export const MEAN_NO_INTERVAL_REASON =
  'a mean has no interval here: the source publishes only the total amount and the number of units, not their dispersion';

export function meanInterval(): IntervalResult {
  return { interval: null, reasonCode: 'no_dispersion', reason: MEAN_NO_INTERVAL_REASON };
}
