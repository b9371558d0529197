// Copies every .sql file of the given packages from src/ to dist/, beside the compiled modules that read
// them, so that dist/ runs on its own. Usage: node etl/copy-sql.mjs etl backend
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';

for (const pkg of process.argv.slice(2)) {
  const src = path.join(pkg, 'src');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.sql')) continue;
    const from = path.join(entry.parentPath, entry.name);
    cpSync(from, path.join(pkg, 'dist', path.relative(src, from)));
  }
}
