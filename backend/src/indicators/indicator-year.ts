import { BadParameterError, NotFoundError } from '../core/errors.js';
import type { IndicatorDto } from './indicators.dto.js';

/** The latest year by default; a year without values is refused with the years that have them. */
export function chooseYear(indicator: IndicatorDto, asked: number | undefined): number {
  const latest = indicator.years.at(-1);
  if (latest === undefined) throw new NotFoundError(`Indicator ${indicator.code} has no values in this snapshot${indicator.unavailableReason ? `: ${indicator.unavailableReason.en}` : ''}`);
  if (asked === undefined) return latest;
  if (!indicator.years.includes(asked)) throw new BadParameterError('year', `${indicator.code} has no values for ${asked}; available years: ${indicator.years.join(', ')}`);
  return asked;
}
