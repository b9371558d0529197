/** The `fetch` command: checks its parameters, runs the fetch (or --verify) and prints the summary. */
import path from 'node:path';
import type { EtlConfig } from '../config.js';
import type { Progress } from '../progress.js';
import { loadSourceCatalog } from '../sources/descriptor.js';
import { FetchUsageError, parseProvinces, parseYears, planDownloads } from './plan.js';
import { DEFAULT_FETCH_OPTIONS, formatBytes, runFetch, verifyFetched } from './run-fetch.js';

export interface FetchCommandOptions {
  readonly years?: string | undefined;
  readonly sources?: readonly string[] | undefined;
  readonly provincia?: string | undefined;
  readonly retries?: string | undefined;
  readonly verify: boolean;
  /** A sources.yaml other than the project's. */
  readonly catalog?: string | undefined;
}

/** Returns the exit code: 0 all fetched or unchanged, 1 something failed, 2 bad parameters. */
export async function fetchCommand(config: EtlConfig, options: FetchCommandOptions, progress: Progress, print: (line: string) => void): Promise<number> {
  if (config.dataDir === null) {
    print('fetch: no data folder; expected --data DIR or OSSERVATORIO_DATA_DIR (the folder the files are written into, which `load` then reads)');
    return 2;
  }
  const dataDir = config.dataDir;
  if (options.verify) {
    const { checked, problems } = await verifyFetched(dataDir, progress);
    for (const problem of problems) print(problem);
    print(`fetch --verify: ${checked - problems.length} of ${checked} fetched files as fetched${checked === 0 ? ' (nothing fetched yet into this folder)' : ''}`);
    return problems.length > 0 ? 1 : 0;
  }
  let downloads;
  let retries = DEFAULT_FETCH_OPTIONS.retries;
  try {
    if (options.retries !== undefined) {
      retries = Number(options.retries);
      if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new FetchUsageError(`--retries "${options.retries}": expected a whole number from 0 to 10`);
    }
    const catalog = await loadSourceCatalog(options.catalog ?? path.join(config.datasetsDir, 'sources.yaml'));
    downloads = planDownloads(catalog, {
      years: options.years === undefined ? undefined : parseYears(options.years),
      sourceIds: options.sources === undefined || options.sources.length === 0 ? undefined : options.sources,
      provinces: options.provincia === undefined ? undefined : parseProvinces(options.provincia),
    });
  } catch (error) {
    if (!(error instanceof FetchUsageError)) throw error;
    print(`fetch: ${error.message}`);
    return 2;
  }
  progress.step(`fetching ${downloads.length} ${downloads.length === 1 ? 'file' : 'files'} into ${dataDir}`);
  const outcome = await runFetch(dataDir, downloads, { ...DEFAULT_FETCH_OPTIONS, retries }, progress);
  for (const failure of outcome.failures) print(failure);
  if (outcome.offline !== undefined) print(outcome.offline);
  const bytes = outcome.fetched.reduce((sum, f) => sum + f.bytes, 0);
  const notReached = downloads.length - outcome.fetched.length - outcome.unchanged.length - outcome.kept.length - outcome.failures.length;
  print(
    `fetch: ${outcome.fetched.length} fetched (${formatBytes(bytes)}), ${outcome.unchanged.length} unchanged, ${outcome.kept.length} kept, ${outcome.failures.length} failed` +
      `${notReached > 0 ? `, ${notReached} not reached` : ''}; files in ${dataDir}`,
  );
  return outcome.failures.length > 0 || outcome.offline !== undefined ? 1 : 0;
}
