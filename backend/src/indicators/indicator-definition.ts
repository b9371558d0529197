import type { CataloguedIndicator } from '../core/indicator-catalogue.js';
import type { IndicatorDto } from './indicators.dto.js';

/** The fields of a catalogue entry the API publishes (the terms stay inside the snapshot). */
export function toIndicatorDto({ definition: d, years }: CataloguedIndicator): IndicatorDto {
  return {
    code: d.code,
    name: { it: d.name.it, en: d.name.en },
    area: d.area,
    unit: { it: d.unit.it, en: d.unit.en },
    multiplier: d.multiplier,
    decimals: d.decimals,
    polarity: d.polarity,
    description: { it: d.description.it, en: d.description.en },
    ...(d.caveats ? { caveats: { it: d.caveats.it, en: d.caveats.en } } : {}),
    target: d.target ?? null,
    plainCount: d.denominator === null,
    years: [...years],
  };
}
