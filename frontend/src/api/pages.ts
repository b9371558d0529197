/**
 * Requests of Panoramica, Area di intervento and Bisogni e offerta: a territory's profile (every
 * indicator against its benchmark), one indicator's trend in a territory, and the gaps of a supply
 * indicator against its target.
 */
import { getJson } from './client';
import type { components } from './openapi';

type Schemas = components['schemas'];
export type Profile = Schemas['ProfileResponseDto'];
export type ProfileEntry = Schemas['ProfileEntryDto'];
export type Trend = Schemas['TrendResponseDto'];
export type TrendTest = Schemas['TrendTestDto'];
export type Gaps = Schemas['GapsResponseDto'];
export type GapRow = Schemas['GapRowDto'];

export interface GapsQuery {
  indicator: string;
  level: 'comune' | 'ambito';
  parent: string;
  year?: number;
}

const search = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  const text = new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString();
  return text ? `?${text}` : '';
};

export const pageUrls = {
  profile: (territory: string) => `/api/profiles/${encodeURIComponent(territory)}`,
  trend: (code: string, territory: string, benchmark?: string) => `/api/indicators/${encodeURIComponent(code)}/trend${search({ territory, benchmark })}`,
  gaps: ({ indicator, level, parent, year }: GapsQuery, format?: 'csv') => `/api/gaps${search({ indicator, level, parent, year, format })}`,
};

export const pageApi = {
  profile: (territory: string, signal?: AbortSignal) => getJson<Profile>(pageUrls.profile(territory), signal),
  trend: (code: string, territory: string, signal?: AbortSignal, benchmark?: string) => getJson<Trend>(pageUrls.trend(code, territory, benchmark), signal),
  gaps: (query: GapsQuery, signal?: AbortSignal) => getJson<Gaps>(pageUrls.gaps(query), signal),
};
