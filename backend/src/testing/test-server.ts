import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../config/config.js';
import { createApp } from '../create-app.js';
import { ManualClock } from './manual-clock.js';

export interface TestServer {
  readonly url: string;
  readonly app: NestFastifyApplication;
  readonly clock: ManualClock;
  close(): Promise<void>;
}

/** The real app on a free port of 127.0.0.1, over `stateDir`; `env` adds to the configuration. */
export async function startTestServer(stateDir: string, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ OSSERVATORIO_STATE_DIR: stateDir, OSSERVATORIO_FRONTEND_DIR: `${stateDir}/no-frontend`, ...env });
  const clock = new ManualClock();
  const app = await createApp(config, { clock, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, app, clock, close: () => app.close() };
}
