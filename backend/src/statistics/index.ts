// The statistics of indicator values: confidence intervals, comparison with a benchmark, quintiles,
// recent trend and the spread of peers. Pure functions, no Nest, no I/O (contract: briefs/stats-api.md).
export type {
  CiMethod,
  Comparison,
  ConfidenceLevel,
  Interval,
  IntervalInput,
  IntervalResult,
  NoIntervalCode,
  Polarity,
  Spread,
  TrendPoint,
  TrendResult,
} from './types.js';
export { confidenceInterval } from './intervals.js';
export { compareWithBenchmark } from './comparison.js';
export { quintiles, type Quintile } from './quintiles.js';
export { recentTrend, TREND_WINDOW, MIN_TREND_POINTS } from './trend.js';
export { spread } from './spread.js';
export { WILSON_METHOD } from './proportion.js';
export { BYAR_METHOD, EXACT_POISSON_METHOD } from './rate.js';
export { CONDITIONAL_BINOMIAL_METHOD } from './ratio.js';
export { MEAN_NO_INTERVAL_REASON } from './mean.js';
