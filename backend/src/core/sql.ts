import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads `sql/<name>` beside the module at `moduleUrl` (pass `import.meta.url`): in src/ when running
 * from source, in dist/ when built (the build copies the .sql files there). Call once, at module load.
 */
export function loadSql(moduleUrl: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(`sql/${name}`, moduleUrl)), 'utf8');
}
