/**
 * Which indicators Panoramica shows for each area of intervention: chosen here, in one place. An area
 * whose chosen codes are not in the catalogue shows its first available indicators in catalogue order.
 */
import type { Indicator } from '../api/types';

export const HEADLINES: Readonly<Record<string, readonly string[]>> = {
  minori_famiglia: ['DEM06', 'SUP01'],
  anziani: ['DEM04', 'DEM01', 'SUP02'],
  disabilita: ['DIS01', 'DIS02'],
  poverta_esclusione: ['POV01', 'ECO03'],
  immigrazione: ['DEM07', 'IMM02'],
  dipendenze: ['DIP01'],
  salute_mentale: ['SMT01'],
  trasversale: ['DEM_POP', 'DEM02', 'SUP06'],
};
export const MAX_HEADLINES = 3;

export interface AreaOfIntervention {
  code: string;
  name: Indicator['areaName'];
  indicators: Indicator[];
}

/** The areas in the catalogue's order of first appearance, each with all of its indicators. */
export function areasOf(catalogue: readonly Indicator[]): AreaOfIntervention[] {
  const areas = new Map<string, AreaOfIntervention>();
  for (const indicator of catalogue) {
    const area = areas.get(indicator.area) ?? { code: indicator.area, name: indicator.areaName, indicators: [] };
    area.indicators.push(indicator);
    areas.set(indicator.area, area);
  }
  return [...areas.values()];
}

/** An area's headline indicators (at most MAX_HEADLINES), available ones first chosen. */
export function headlinesOf(area: AreaOfIntervention): Indicator[] {
  const chosen = (HEADLINES[area.code] ?? []).flatMap((code) => area.indicators.filter((i) => i.code === code));
  const available = chosen.filter((i) => i.available);
  if (available.length > 0) return chosen.slice(0, MAX_HEADLINES);
  const fallback = area.indicators.filter((i) => i.available);
  return (fallback.length > 0 ? fallback : area.indicators).slice(0, MAX_HEADLINES);
}
