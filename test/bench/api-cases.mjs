/**
 * The API latency cases of `npm run bench -- api`, one entry per endpoint and question. Each case names
 * the snapshot it reads (the real data, or the national-size one), the request, and the floor it is held
 * against: the query the answer needs (`floor`), run in-process on DuckDB on the same snapshot file. A case
 * whose endpoint is not in this build says `pending` and is printed as such, never with a number.
 * `service` lists every query the endpoint runs today, to tell the cost of extra queries from that of HTTP.
 */
const VALUES_REPOSITORY = '../../backend/dist/values/values.repository.js';
const TERRITORIES_REPOSITORY = '../../backend/dist/territories/territories.repository.js';

const sql = (module, file, params) => ({ module: new URL(module, import.meta.url).href, file, params });

function valuesCase(id, snapshot, { code, level, parent, year }) {
  const aggregate = sql(VALUES_REPOSITORY, 'aggregate.sql', { code, year, level, parent });
  return {
    id,
    endpoint: 'values',
    snapshot,
    path: `/api/indicators/${code}/values?level=${level}&parent=${parent}&year=${year}`,
    peerPath: `/api/indicators/${code}/values?level=${level}&parent=${parent}&year=${year}`,
    floor: [aggregate],
    service: [sql(TERRITORIES_REPOSITORY, 'territory.sql', { code: parent }), aggregate, sql(VALUES_REPOSITORY, 'sources.sql', { code, year })],
  };
}

const PENDING_ENGINE = 'pending endpoint: being built on h-engine';

export const LATENCY_CASES = [
  valuesCase('values: comuni of a provincia', 'real', { code: 'DEM_U12', level: 'comune', parent: '018', year: 2021 }),
  valuesCase('values: comuni of a provincia (national)', 'national', { code: 'DEM01', level: 'comune', parent: '018', year: 2024 }),
  valuesCase('values: province of Italy (national)', 'national', { code: 'DEM01', level: 'provincia', parent: 'IT', year: 2024 }),
  { id: 'profile: a comune against its provincia', endpoint: 'profile', snapshot: 'real', pending: PENDING_ENGINE },
  { id: 'compare: comuni side by side', endpoint: 'compare', snapshot: 'real', pending: PENDING_ENGINE },
];

/** Throughput, API against the peer: the same question of both. */
export const THROUGHPUT_CASES = LATENCY_CASES.filter((c) => c.peerPath !== undefined && c.id.includes('comuni of a provincia'));

/** Targets of issue 6 that need an endpoint not yet in this build. */
export const PENDING_MEASURES = [
  { id: 'export: 1M rows, Arrow against JSON, end to end (national)', target: 'Arrow ≥ 3× faster', pending: PENDING_ENGINE },
  { id: 'profile: one comune against all 7,904 (national)', target: 'p50 ≤ 50 ms', pending: PENDING_ENGINE },
];
