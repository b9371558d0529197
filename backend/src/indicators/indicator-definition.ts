import type { IndicatorDto, Polarity } from './indicators.dto.js';

/** The fields of an `indicator.definition` entry (validated by the ETL) that the API publishes. */
interface IndicatorDefinition {
  code: string;
  name: { it: string; en: string };
  area: string;
  unit: { it: string; en: string };
  multiplier: number;
  decimals: number;
  polarity: Polarity;
  description: { it: string; en: string };
  caveats?: { it: string; en: string };
  target?: number;
  denominator: unknown[] | null;
}

export function toIndicatorDto(definitionJson: string, years: number[]): IndicatorDto {
  const d = JSON.parse(definitionJson) as IndicatorDefinition;
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
    years,
  };
}
