import type { CataloguedIndicator } from '../core/indicator-catalogue.js';
import type { CiMethod, Polarity } from './statistics.js';

/**
 * A denominator under this flags a value as resting on small numbers, for an indicator whose catalogue
 * entry gives no `min_denominator` (the field is being added to the catalogue; this is the one default).
 */
export const DEFAULT_MIN_DENOMINATOR = 100;

/** What the engine needs to know about an indicator to turn sums into values. */
export interface EngineIndicator {
  readonly code: string;
  readonly multiplier: number;
  readonly plainCount: boolean;
  readonly ciMethod: CiMethod;
  readonly polarity: Polarity;
  readonly minDenominator: number;
  readonly target: number | null;
  readonly decimals: number;
  readonly unit: { readonly it: string; readonly en: string };
  readonly years: readonly number[];
}

export function engineIndicator({ definition: d, years }: CataloguedIndicator): EngineIndicator {
  const minDenominator = (d as { min_denominator?: number }).min_denominator;
  return {
    code: d.code,
    multiplier: d.multiplier,
    plainCount: d.denominator === null,
    ciMethod: d.ci_method,
    polarity: d.polarity,
    minDenominator: typeof minDenominator === 'number' ? minDenominator : DEFAULT_MIN_DENOMINATOR,
    target: d.target ?? null,
    decimals: d.decimals,
    unit: d.unit,
    years,
  };
}

/** A value whose denominator is under the indicator's minimum (a plain count never is). */
export function isSmallNumber(indicator: EngineIndicator, denominator: number | null, comuniWithData: number): boolean {
  return !indicator.plainCount && denominator !== null && comuniWithData > 0 && denominator < indicator.minDenominator;
}
