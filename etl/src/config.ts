/** The ETL's configuration: the only reader of process.env in this program. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EtlConfig {
  /** Folder of published source files; null runs the demo. */
  readonly dataDir: string | null;
  /** Where snapshots live (and the API's SQLite database). */
  readonly stateDir: string;
  /** The project's catalogue folder: indicators.yaml, sources.yaml, territory/ambiti.yaml. */
  readonly datasetsDir: string;
  /** How many published snapshots to keep for rollback. */
  readonly keepSnapshots: number;
  /** DuckDB's memory_limit for a load (e.g. '1500MB'); work beyond it spills to disk. */
  readonly memoryLimit: string;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadEtlConfig(env: NodeJS.ProcessEnv, overrides: { dataDir?: string; stateDir?: string } = {}): EtlConfig {
  const problems: string[] = [];
  const dataDir = overrides.dataDir ?? nonEmpty(env.OSSERVATORIO_DATA_DIR);
  const stateDir = overrides.stateDir ?? nonEmpty(env.OSSERVATORIO_STATE_DIR);
  const keepRaw = nonEmpty(env.OSSERVATORIO_KEEP_SNAPSHOTS) ?? '5';
  const keepSnapshots = Number(keepRaw);
  if (!Number.isInteger(keepSnapshots) || keepSnapshots < 2) {
    problems.push(`OSSERVATORIO_KEEP_SNAPSHOTS="${keepRaw}": expected a whole number of at least 2 (one to serve, one to roll back to)`);
  }
  const memoryLimit = nonEmpty(env.OSSERVATORIO_ETL_MEMORY) ?? '1500MB';
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i.test(memoryLimit)) {
    problems.push(`OSSERVATORIO_ETL_MEMORY="${memoryLimit}": expected an amount of memory like 1500MB or 2GB`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return {
    dataDir: dataDir === undefined ? null : path.resolve(dataDir),
    stateDir: stateDir === undefined ? path.join(repoRoot, 'data') : path.resolve(stateDir),
    datasetsDir: path.join(repoRoot, 'datasets'),
    keepSnapshots,
    memoryLimit,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
