/**
 * The API latency cases of `npm run bench -- api`, one entry per endpoint and question. Each case names
 * the snapshot it reads (the real data, or the national-size one), the request, and the floor it is held
 * against: every query the service runs for that answer (`floor`), the engine's own SQL files, run
 * in-process on DuckDB on the same snapshot file with the parameters the service binds. The lookups and
 * suppression patterns the engine reads once per snapshot are not in the floor: the bench warms the API up
 * first, as any server is. Where the parameters depend on the snapshot's catalogue (the (indicator, year)
 * pairs of a profile), `floor` is a function of the API's own answer to the request, read once.
 * A case whose endpoint is not in this build says `pending` and is printed as such, never with a number.
 */
const ENGINE = '../../backend/dist/engine/sums.repository.js';

const sql = (file, params) => ({ module: new URL(ENGINE, import.meta.url).href, file, params });

/** The peer's one query (api-peer.mjs, sql/peer-values.sql) as it binds it, for its own in-process floor. */
const peerSql = (params) => ({ module: new URL('./api-peer.mjs', import.meta.url).href, file: 'peer-values.sql', params });

/**
 * The parameters of target-sums.sql as SumsRepository binds them (sums.repository.ts): the wanted pairs and
 * the target territories, which the engine finds in its per-snapshot lookups (here: read off the answer).
 */
function targetSums(pairs, codes) {
  return sql('target-sums.sql', { indicators: pairs.map((p) => p.indicator), years: pairs.map((p) => p.year), codes: [...new Set(codes)] });
}

/** The public audience's threshold, as the API's config reads it (config.ts). */
const HIDE_BELOW = Number(process.env.OSSERVATORIO_AUDIENCE === 'office' ? 0 : (process.env.OSSERVATORIO_SUPPRESSION_THRESHOLD ?? 5));

function peerSpread(pairs, level, parent) {
  return sql('peer-spread.sql', {
    indicators: pairs.map((p) => p.indicator),
    years: pairs.map((p) => p.year),
    multipliers: pairs.map((p) => p.multiplier),
    plain: pairs.map((p) => (p.plainCount ? 1 : 0)),
    level,
    parent,
    hide_below: HIDE_BELOW,
  });
}

/** GET values of one year: one sums query for the territories of the level inside the parent and the parent, the benchmark (values.service.ts). */
function valuesCase(id, snapshot, { code, level, parent, year }) {
  const path = `/api/indicators/${code}/values?level=${level}&parent=${parent}&year=${year}`;
  return { id, endpoint: 'values', snapshot, path, peerPath: path, peerFloor: [peerSql({ code, level, parent, year })], floor: (answer) => [targetSums([{ indicator: code, year }], [...answer.benchmarks.map((b) => b.code), ...answer.rows.map((r) => r.code)])] };
}

/** The (indicator, year) pairs of a profile's answer: those with a year. */
const profilePairs = (answer) => answer.rows.filter((r) => r.year !== null).map((r) => ({ indicator: r.indicator.code, year: r.year, multiplier: r.indicator.multiplier, plainCount: r.indicator.plainCount }));

/** GET a profile: one sums query for every indicator (the comune and its benchmark), one spread of the peers (profiles.service.ts). */
function profileCase(id, snapshot, { code, benchmark, peerLevel }) {
  return {
    id,
    endpoint: 'profile',
    snapshot,
    path: `/api/profiles/${code}?benchmark=${benchmark}`,
    floor: (answer) => {
      const pairs = profilePairs(answer);
      return [targetSums(pairs, [code, answer.benchmark]), peerSpread(pairs, peerLevel, answer.benchmark)];
    },
  };
}

/** GET compare without a benchmark: one sums query for the territories × every indicator (compare.service.ts). */
function compareCase(id, snapshot, codes) {
  return {
    id,
    endpoint: 'compare',
    snapshot,
    path: `/api/compare?territories=${codes.join(',')}`,
    floor: (answer) => [targetSums(answer.rows.filter((r) => r.year !== null).map((r) => ({ indicator: r.indicator.code, year: r.year })), codes)],
  };
}

export const LATENCY_CASES = [
  valuesCase('values: comuni of a provincia', 'real', { code: 'DEM_U12', level: 'comune', parent: '018', year: 2021 }),
  valuesCase('values: comuni of a provincia (national)', 'national', { code: 'DEM01', level: 'comune', parent: '018', year: 2024 }),
  valuesCase('values: province of Italy (national)', 'national', { code: 'DEM01', level: 'provincia', parent: 'IT', year: 2024 }),
  profileCase('profile: a comune against its provincia', 'real', { code: '018110', benchmark: 'provincia', peerLevel: 'comune' }),
  profileCase('profile: a comune against its provincia (national)', 'national', { code: '018110', benchmark: 'provincia', peerLevel: 'comune' }),
  profileCase('profile: one comune against all 7,904 (national)', 'national', { code: '018110', benchmark: 'italia', peerLevel: 'comune' }),
  compareCase('compare: comuni side by side', 'real', ['018110', '018026', '019036']),
];

/** Throughput, API against the peer: the same question of both. */
export const THROUGHPUT_CASES = LATENCY_CASES.filter((c) => c.peerPath !== undefined && c.id.includes('comuni of a provincia'));

/** The national profile's own target, read from its latency case. */
export const NATIONAL_PROFILE = { id: 'profile: one comune against all 7,904 (national)', target: 'p50 ≤ 50 ms', limitMs: 50 };

/**
 * The export, Arrow against JSON, end to end (request sent to last byte read) on the national snapshot:
 * every comune × the indicators and years below, about a million rows.
 */
export const EXPORT_CASE = {
  id: 'export: 1M rows, Arrow against JSON, end to end (national)',
  snapshot: 'national',
  target: 'Arrow ≥ 3× faster',
  path: (format) => `/api/export/values?level=comune&years=2015-2024&indicators=DEM_POP,DEM_VAR,DEM_MASC,DEM02,DEM10,DEM12,DEM13,DEM06,DEM08,DEM09,DEM01,DEM03,DEM04,DEM14&format=${format}`,
  minRows: 1_000_000,
};

/** Targets of issue 6 that need an endpoint not yet in this build. */
export const PENDING_MEASURES = [];
