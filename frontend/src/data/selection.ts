/**
 * What Indicatori and Area di intervento show when the link does not say, in one place: firstRequests.ts
 * asks for the same values before React starts, the pages when they render.
 */
import type { ValuesQuery } from '../api/client';
import type { Indicator } from '../api/types';
import type { MapLevel, UrlState } from '../route';
import type { Area } from '../territory';
import { areasOf, type AreaOfIntervention } from './headlines';

export interface Chosen {
  indicator: Indicator | null;
  /** null: the indicator has no year with values. */
  year: number | null;
}

/** The indicator the link names, else the first with values; the year the link names if it has values, else the latest. */
export function chooseIndicator(indicators: readonly Indicator[], state: Pick<UrlState, 'indicator' | 'year'>): Chosen {
  const indicator = indicators.find((i) => i.code === state.indicator) ?? indicators.find((i) => i.available && i.years.length > 0) ?? indicators[0] ?? null;
  const year = indicator && state.year !== undefined && indicator.years.includes(state.year) ? state.year : (indicator?.years.at(-1) ?? null);
  return { indicator, year };
}

/** The area of intervention the link names, else the first of the catalogue. */
export function chooseArea(catalogue: readonly Indicator[], code: string | undefined): AreaOfIntervention | null {
  const areas = areasOf(catalogue);
  return areas.find((a) => a.code === code) ?? areas[0] ?? null;
}

/** By Ambito only where the provincia has them, else by comune. */
export function levelOf(area: Area | null, requested: MapLevel | undefined): MapLevel {
  return area?.hasAmbiti && requested === 'ambito' ? 'ambito' : 'comune';
}

/** Comuni inside the area's parent, or Ambiti inside its provincia. */
export function valuesQueryOf(area: Area, code: string, year: number, requested: MapLevel | undefined): ValuesQuery {
  const level = levelOf(area, requested);
  return { code, level, parent: level === 'ambito' ? area.provincia.code : area.parent.code, year };
}
