import type { ApiErrorBody, Boundaries, Compare, Health, IndicatorList, IndicatorValues, Level, Profile, Provenance, Quality, Severity, TerritoryList } from './types';

/** A failed request: status null when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly body: ApiErrorBody | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type DataFormat = 'json' | 'csv' | 'arrow';

export interface ValuesQuery {
  code: string;
  level: Level;
  parent: string;
  year: number;
}

export interface QualityQuery {
  severity?: Severity;
  rule?: string;
  territory?: string;
  limit?: number;
  offset?: number;
}

export interface ProfileQuery {
  territory: string;
  year?: number;
  benchmark?: string;
}

export interface CompareQuery {
  territories: readonly string[];
  year?: number;
  benchmark?: string;
}

export interface ProvenanceQuery {
  indicator: string;
  territory: string;
  year: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const urls = {
  health: () => '/api/health',
  indicators: () => '/api/indicators',
  territories: (level?: Level, parent?: string) => `/api/territories${query({ level, parent })}`,
  territorySearch: (q: string, level?: Level) => `/api/territories${query({ q, level })}`,
  values: ({ code, level, parent, year }: ValuesQuery, format?: DataFormat) =>
    `/api/indicators/${encodeURIComponent(code)}/values${query({ level, parent, year, format })}`,
  boundaries: (provinciaCode: string) => `/api/boundaries/${encodeURIComponent(provinciaCode)}`,
  quality: (q: QualityQuery, format?: DataFormat) => `/api/quality${query({ ...q, format })}`,
  provenance: ({ indicator, territory, year }: ProvenanceQuery) => `/api/provenance${query({ indicator, territory, year })}`,
  profile: ({ territory, year, benchmark }: ProfileQuery, format?: DataFormat) => `/api/profiles/${encodeURIComponent(territory)}${query({ year, benchmark, format })}`,
  compare: ({ territories, year, benchmark }: CompareQuery, format?: DataFormat) => `/api/compare${query({ territories: territories.join(','), year, benchmark, format })}`,
};

async function readErrorBody(response: Response): Promise<ApiErrorBody | null> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    return typeof body?.message === 'string' ? { statusCode: response.status, ...body, message: body.message } : null;
  } catch {
    return null;
  }
}

async function request(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    // The API words its errors in the language asked: the page's (LanguageProvider sets it), not the browser's.
    response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'it' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(null, cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const body = await readErrorBody(response);
    throw new ApiError(response.status, body?.message ?? response.statusText, body);
  }
  return response;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(url, signal)).json()) as T;
}

/**
 * Answers that do not change while a snapshot is served (boundaries, the territories and who belongs to
 * which Ambito), fetched once per page load and shared; a failed request is forgotten so a retry asks again.
 */
const once = new Map<string, Promise<unknown>>();

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = once.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    once.set(key, promise);
    promise.catch(() => once.delete(key));
  }
  return promise;
}

/**
 * Requests started before the page renders (see firstRequests.ts), so that they run while React starts: the
 * first caller that asks for the same URL takes the answer, later callers ask the server again.
 */
const early = new Map<string, Promise<unknown>>();

export function startEarly<T>(url: string): Promise<T> {
  let started = early.get(url) as Promise<T> | undefined;
  if (!started) {
    started = getJson<T>(url);
    // An answer no page takes (the link named a year the indicator lacks) must not be an unhandled rejection.
    started.catch(() => undefined);
    early.set(url, started);
  }
  return started;
}

function takeEarly<T>(url: string, signal?: AbortSignal): Promise<T> {
  const started = early.get(url) as Promise<T> | undefined;
  early.delete(url);
  return started ?? getJson<T>(url, signal);
}

/** For tests: start from an empty cache. */
export function forgetCachedAnswers(): void {
  once.clear();
  early.clear();
}

export type BoundariesResult = { kind: 'loaded'; topology: Boundaries } | { kind: 'missing'; downloadUrl: string | null };

export const api = {
  /** A 503 from health is an answer too: its body says why no snapshot is served. */
  async health(signal?: AbortSignal): Promise<Health> {
    try {
      return await getJson<Health>(urls.health(), signal);
    } catch (error) {
      if (error instanceof ApiError && error.status === 503 && (error.body as Partial<Health> | null)?.status === 'unavailable') return error.body as unknown as Health;
      throw error;
    }
  },
  indicators: (signal?: AbortSignal) => takeEarly<IndicatorList>(urls.indicators(), signal),
  // Shared between callers, so no one caller's signal may cancel them.
  territories: (level?: Level, parent?: string) => cached(urls.territories(level, parent), () => getJson<TerritoryList>(urls.territories(level, parent))),
  territorySearch: (q: string, signal?: AbortSignal) => getJson<TerritoryList>(urls.territorySearch(q), signal),
  values: (q: ValuesQuery, signal?: AbortSignal) => takeEarly<IndicatorValues>(urls.values(q), signal),
  quality: (q: QualityQuery, signal?: AbortSignal) => getJson<Quality>(urls.quality(q), signal),
  provenance: (q: ProvenanceQuery, signal?: AbortSignal) => getJson<Provenance>(urls.provenance(q), signal),
  profile: (q: ProfileQuery, signal?: AbortSignal) => getJson<Profile>(urls.profile(q), signal),
  compare: (q: CompareQuery, signal?: AbortSignal) => getJson<Compare>(urls.compare(q), signal),
  /** Boundaries are optional data: a 404 means "not loaded yet", not a failure. */
  boundaries: (provinciaCode: string): Promise<BoundariesResult> =>
    cached(urls.boundaries(provinciaCode), async () => {
      try {
        return { kind: 'loaded', topology: await getJson<Boundaries>(urls.boundaries(provinciaCode)) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return { kind: 'missing', downloadUrl: error.body?.downloadUrl ?? null };
        }
        throw error;
      }
    }),
  /** Ambito code → codes of its comuni, for drawing Ambito values on the comuni map. */
  ambitoMembership: (provinciaCode: string): Promise<Map<string, string[]>> =>
    cached(`membership:${provinciaCode}`, async () => {
      // From the list of every Ambito, which Il mio territorio has loaded already: one round trip fewer
      // before the first chart of an Ambito or a comune.
      const ambiti = (await api.territories('ambito')).rows.filter((ambito) => ambito.parentCode === provinciaCode);
      const members = await Promise.all(ambiti.map((ambito) => api.territories('comune', ambito.code)));
      return new Map(ambiti.map((ambito, i) => [ambito.code, members[i]!.rows.map((comune) => comune.code)]));
    }),
};
