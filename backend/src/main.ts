import { requireStateFolder, StateFolderError } from '@osservatorio/etl/state-folder';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import { SnapshotPool } from './core/snapshot-pool.js';
import { createApp } from './create-app.js';

let config: AppConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

try {
  await requireStateFolder(config.stateDir, { create: true });
} catch (error) {
  if (!(error instanceof StateFolderError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const app = await createApp(config);
app.enableShutdownHooks();
await app.listen(config.port, config.host);
const snapshot = await app.get(SnapshotPool).current();
const address = app.getHttpServer().address();
const port = typeof address === 'object' && address !== null ? address.port : config.port; // PORT=0 picks a free port
const host = ['127.0.0.1', '0.0.0.0', '::', 'localhost'].includes(config.host) ? 'localhost' : config.host;
console.log(`Snapshot served: ${snapshot?.id ?? 'none'}`);
// Last, so that the address to open is the last thing on screen.
console.log(`Osservatorio: http://${host}:${port} `);
