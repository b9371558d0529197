/** The committed frontend/src/api/openapi.json, as the current code would write it (`npm run openapi`). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './config/config.js';
import { createApp } from './create-app.js';
import { buildOpenApiDocument } from './openapi.js';

/** Built in memory by an app over an empty state folder: it needs no snapshot, database server or port. */
export async function renderOpenApiFile(): Promise<string> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'osservatorio-openapi-'));
  try {
    const config = loadConfig({ OSSERVATORIO_STATE_DIR: stateDir, OSSERVATORIO_FRONTEND_DIR: path.join(stateDir, 'no-frontend') });
    const app = await createApp(config, { logger: ['error'] });
    try {
      return `${JSON.stringify(sortKeys(buildOpenApiDocument(app)), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
}

// Sorted keys keep the file's diffs to real contract changes; a schema's properties keep their declared
// order, which is the order of the fields in answers and in the generated types.
function sortKeys(value: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, sortKeys(item, !isPropertyMap && key === 'properties')] as const);
  if (!isPropertyMap) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
