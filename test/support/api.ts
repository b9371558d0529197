import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../backend/src/config/config.js';
import { createApp } from '../../backend/src/create-app.js';

export interface RunningApi {
  readonly url: string;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** Starts the real API over HTTP on a free port, serving the snapshots of `stateDir`. */
export async function startApi(stateDir: string, env: Record<string, string> = {}): Promise<RunningApi> {
  const config = loadConfig({ OSSERVATORIO_STATE_DIR: stateDir, PORT: '0', ...env });
  const app: NestFastifyApplication = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    async get<T>(path: string, headers: Record<string, string> = {}) {
      const response = await fetch(`${url}${path}`, { headers });
      const type = response.headers.get('content-type') ?? '';
      const body = (type.includes('json') ? await response.json() : await response.text()) as T;
      return { status: response.status, body, headers: response.headers };
    },
    close: () => app.close(),
  };
}
