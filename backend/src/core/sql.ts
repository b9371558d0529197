import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// tsc does not copy .sql files to dist/, so the SQL is always read from src/: the file beside the
// repository that runs it, whether that repository runs from src/ (tests) or dist/ (npm start).
const compiledRoot = fileURLToPath(new URL('../', import.meta.url));
const sourceRoot = path.join(compiledRoot, '..', 'src');

/** Reads `sql/<name>` beside the module at `moduleUrl` (pass `import.meta.url`). Call once, at module load. */
export function loadSql(moduleUrl: string, name: string): string {
  const moduleDir = path.dirname(fileURLToPath(moduleUrl));
  return readFileSync(path.join(sourceRoot, path.relative(compiledRoot, moduleDir), 'sql', name), 'utf8');
}
