// confidenceInterval: the interval of an indicator value by its catalogue CI method.
//   proportion → Wilson score (proportion.ts)       rate → Byar / exact Poisson under 10 (rate.ts)
//   ratio      → conditional binomial (ratio.ts)     mean → none, no dispersion (mean.ts)     none → none
// Pure: inputs it cannot use give { interval: null, reason, reasonCode }; only a programming error
// (a multiplier that is not a positive number, a level other than 0.95 or 0.998) throws.
import { meanInterval } from './mean.js';
import { checkLevel } from './normal-quantile.js';
import { proportionInterval } from './proportion.js';
import { rateInterval } from './rate.js';
import { ratioInterval } from './ratio.js';
import type { IntervalInput, IntervalResult } from './types.js';

export function confidenceInterval(input: IntervalInput): IntervalResult {
  const { method, numerator, denominator, multiplier, level } = input;
  checkLevel(level);
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new RangeError(`multiplier must be a positive number, got ${multiplier}`);
  switch (method) {
    case 'proportion':
      return proportionInterval(numerator, denominator, multiplier, level);
    case 'rate':
      return rateInterval(numerator, denominator, multiplier, level);
    case 'ratio':
      return ratioInterval(numerator, denominator, multiplier, level);
    case 'mean':
      return meanInterval();
    case 'none':
      return { interval: null, reasonCode: 'method_none', reason: 'the indicator has no confidence-interval method' };
    default:
      throw new RangeError(`unknown CI method: ${String(method satisfies never)}`);
  }
}
