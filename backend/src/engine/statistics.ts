/** The engine's one door to the statistics (backend/src/statistics, contract: briefs/stats-api.md). */
export * from '../statistics/index.js';
