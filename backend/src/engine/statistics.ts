/** The engine's one door to the statistics: switch this import when backend/src/statistics lands. */
export * from './statistics-provisional.js';
