import path from 'node:path';
import { repoRoot } from '../../backend/src/config/config.js';
import { SystemClock } from '../../backend/src/core/clock.js';
import { englishUnlessAsked } from '../../backend/src/testing/http.js';
import { startTestServer } from '../../backend/src/testing/test-server.js';

export interface RunningApi {
  readonly url: string;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** Starts the real API over HTTP on a free port, serving the snapshots of `stateDir` and the built dashboard. */
export async function startApi(stateDir: string, env: Record<string, string> = {}): Promise<RunningApi> {
  const server = await startTestServer(stateDir, { OSSERVATORIO_FRONTEND_DIR: path.join(repoRoot, 'frontend', 'dist'), ...env }, new SystemClock());
  return {
    url: server.url,
    async get<T>(route: string, headers: Record<string, string> = {}) {
      const response = await fetch(`${server.url}${route}`, englishUnlessAsked({ headers }));
      const type = response.headers.get('content-type') ?? '';
      const body = (type.includes('json') ? await response.json() : await response.text()) as T;
      return { status: response.status, body, headers: response.headers };
    },
    close: () => server.close(),
  };
}
