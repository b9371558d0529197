import type { CataloguedIndicator } from '../core/indicator-catalogue.js';
import type { IndicatorDto } from './indicators.dto.js';

/** The fields of a catalogue entry the API publishes (the terms stay inside the snapshot). */
export function toIndicatorDto({ definition: d, area, years, available, unavailableReason }: CataloguedIndicator): IndicatorDto {
  return {
    code: d.code,
    name: { it: d.name.it, en: d.name.en },
    area: d.area,
    areaName: { it: area.name.it, en: area.name.en },
    unit: { it: d.unit.it, en: d.unit.en },
    multiplier: d.multiplier,
    decimals: d.decimals,
    polarity: d.polarity,
    description: { it: d.description.it, en: d.description.en },
    sourceNotes: { it: d.source_notes.it, en: d.source_notes.en },
    caveats: { it: d.caveats.it, en: d.caveats.en },
    ciMethod: d.ci_method,
    minDenominator: d.min_denominator ?? null,
    target: d.target ?? null,
    plainCount: d.denominator === null,
    years: [...years],
    available,
    unavailableReason: unavailableReason === null ? null : { it: unavailableReason.it, en: unavailableReason.en },
  };
}
