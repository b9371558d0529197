import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads an .sql file that sits beside the calling module's source. SQL is kept in src/ only (tsc does
 * not copy it), so a module running from dist/ reads it from the same place in src/.
 */
export function readSqlBeside(moduleUrl: string, name: string): string {
  const sourceUrl = new URL(name, moduleUrl).href.replace(/\/dist\//, '/src/');
  return readFileSync(fileURLToPath(sourceUrl), 'utf8');
}
