// Builds only the workspaces whose sources changed since their dist/ was written, so that `npm start` on an
// unchanged checkout goes straight to serving. A workspace is stale when it has no dist/, or when any of its
// inputs (src/, its package and TypeScript settings, the lock file) is newer than everything in its dist/.
// Usage: node etl/build-if-stale.mjs   (from the repository root)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each build reads; the TypeScript workspaces are built together (the backend imports the ETL). */
export const WORKSPACES = {
  etl: ['etl/src', 'etl/package.json', 'etl/tsconfig.json', 'etl/copy-sql.mjs', 'tsconfig.base.json', 'package-lock.json'],
  backend: ['backend/src', 'backend/package.json', 'backend/tsconfig.json', 'tsconfig.base.json', 'package-lock.json'],
  frontend: ['frontend/src', 'frontend/index.html', 'frontend/package.json', 'frontend/tsconfig.json', 'frontend/vite.config.ts', 'package-lock.json'],
};

function newest(root, relative, skip = () => false) {
  const at = path.join(root, relative);
  if (!existsSync(at)) return -Infinity;
  const stat = statSync(at);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = -Infinity;
  for (const entry of readdirSync(at, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || skip(entry.name)) continue;
    latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** The workspaces under `root` to build again, each with why. */
export function staleWorkspaces(root) {
  const stale = [];
  for (const [name, inputs] of Object.entries(WORKSPACES)) {
    const built = newest(root, `${name}/dist`);
    // Unit tests are not part of the build.
    const changed = Math.max(...inputs.map((input) => newest(root, input, (file) => /\.spec\.tsx?$/.test(file))));
    if (built === -Infinity) stale.push({ name, reason: 'not built yet' });
    else if (changed > built) stale.push({ name, reason: 'sources changed since the last build' });
  }
  return stale;
}

function run(command, args, root) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.cwd();
  const stale = staleWorkspaces(root);
  const names = new Set(stale.map((s) => s.name));
  for (const name of Object.keys(WORKSPACES)) {
    const why = stale.find((s) => s.name === name);
    console.log(why ? `build: ${name}: ${why.reason}, building` : `build: ${name}: up to date`);
  }
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  if (names.has('etl') || names.has('backend')) {
    run(tsc, ['-b', 'etl', 'backend'], root);
    run(process.execPath, ['etl/copy-sql.mjs', 'etl', 'backend'], root);
  }
  if (names.has('frontend')) run('npm', ['run', 'build', '-w', 'frontend'], root);
}
