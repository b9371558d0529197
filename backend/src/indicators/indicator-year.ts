import { BadParameterError, NotFoundError } from '../core/errors.js';
import type { IndicatorDto } from './indicators.dto.js';

/** The latest year by default; a year without values is refused with the years that have them. */
export function chooseYear(indicator: IndicatorDto, asked: number | undefined): number {
  const latest = indicator.years.at(-1);
  if (latest === undefined) {
    const reason = indicator.unavailableReason;
    throw new NotFoundError({
      it: `L'indicatore ${indicator.code} non ha valori in questo snapshot${reason ? `: ${reason.it}` : ''}`,
      en: `Indicator ${indicator.code} has no values in this snapshot${reason ? `: ${reason.en}` : ''}`,
    });
  }
  if (asked === undefined) return latest;
  if (!indicator.years.includes(asked)) {
    const years = indicator.years.join(', ');
    throw new BadParameterError('year', { it: `${indicator.code} non ha valori per il ${asked}; anni disponibili: ${years}`, en: `${indicator.code} has no values for ${asked}; available years: ${years}` }, indicator.years.map(String));
  }
  return asked;
}
