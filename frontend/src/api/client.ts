import type { ApiErrorBody, Boundaries, Health, IndicatorList, IndicatorValues, Level, Provenance, Quality, Severity, TerritoryList } from './types';

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
  territories: (level: Level, parent?: string) => `/api/territories${query({ level, parent })}`,
  values: ({ code, level, parent, year }: ValuesQuery, format?: DataFormat) =>
    `/api/indicators/${encodeURIComponent(code)}/values${query({ level, parent, year, format })}`,
  boundaries: (provinciaCode: string) => `/api/boundaries/${encodeURIComponent(provinciaCode)}`,
  quality: (q: QualityQuery, format?: DataFormat) => `/api/quality${query({ ...q, format })}`,
  provenance: ({ indicator, territory, year }: ProvenanceQuery) => `/api/provenance${query({ indicator, territory, year })}`,
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
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
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

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(url, signal)).json()) as T;
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
  indicators: (signal?: AbortSignal) => getJson<IndicatorList>(urls.indicators(), signal),
  territories: (level: Level, parent: string, signal?: AbortSignal) =>
    getJson<TerritoryList>(urls.territories(level, parent), signal),
  values: (q: ValuesQuery, signal?: AbortSignal) => getJson<IndicatorValues>(urls.values(q), signal),
  quality: (q: QualityQuery, signal?: AbortSignal) => getJson<Quality>(urls.quality(q), signal),
  provenance: (q: ProvenanceQuery, signal?: AbortSignal) => getJson<Provenance>(urls.provenance(q), signal),
  /** Boundaries are optional data: a 404 means "not loaded yet", not a failure. */
  async boundaries(provinciaCode: string, signal?: AbortSignal): Promise<BoundariesResult> {
    try {
      return { kind: 'loaded', topology: await getJson<Boundaries>(urls.boundaries(provinciaCode), signal) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        return { kind: 'missing', downloadUrl: error.body?.downloadUrl ?? null };
      }
      throw error;
    }
  },
  /** Ambito code → codes of its comuni, for drawing Ambito values on the comuni map. */
  async ambitoMembership(provinciaCode: string, signal?: AbortSignal): Promise<Map<string, string[]>> {
    const ambiti = await api.territories('ambito', provinciaCode, signal);
    const members = await Promise.all(ambiti.rows.map((ambito) => api.territories('comune', ambito.code, signal)));
    return new Map(ambiti.rows.map((ambito, i) => [ambito.code, members[i]!.rows.map((comune) => comune.code)]));
  },
};
