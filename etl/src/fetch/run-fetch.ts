/**
 * `etl fetch`: downloads the planned files into the data folder. Each file is streamed into the cache
 * (`<data>/.fetch/`), extracted if it is a zip, checked against its declared sha256, and moved into place
 * with one rename, so a failed or killed fetch never leaves a half file where the load reads. A file the
 * fetch did not write as it is (put there by hand, or edited since) is kept, never overwritten.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Progress } from '../progress.js';
import { SourceError } from '../sources/errors.js';
import { downloadToFile, HttpStatusError, UnreachableError, type DownloadOptions } from './http-download.js';
import { FETCH_CACHE_DIR, readFetchManifest, writeFetchManifest, type FetchManifest } from './manifest.js';
import type { PlannedDownload } from './plan.js';
import { extractZipEntry } from './zip.js';

export interface FetchOutcome {
  readonly fetched: { readonly file: string; readonly bytes: number }[];
  readonly unchanged: string[];
  readonly kept: string[];
  /** One `file:0:0: explanation [rule]` line per file that could not be fetched. */
  readonly failures: string[];
  /** Set when the publisher could not be reached: the fetch stopped there. */
  offline?: string;
}

export const DEFAULT_FETCH_OPTIONS: Omit<DownloadOptions, 'onRetry'> = { retries: 3, retryDelayMs: 1000, timeoutMs: 30_000 };

export async function runFetch(dataDir: string, downloads: readonly PlannedDownload[], options: Omit<DownloadOptions, 'onRetry'>, progress: Progress, now: () => Date = () => new Date()): Promise<FetchOutcome> {
  const outcome: FetchOutcome = { fetched: [], unchanged: [], kept: [], failures: [] };
  const manifest = await readFetchManifest(dataDir);
  for (const [index, download] of downloads.entries()) {
    try {
      await fetchOne(dataDir, download, manifest, options, progress, outcome, now);
    } catch (error) {
      if (error instanceof UnreachableError) {
        const rest = downloads.slice(index).map((d) => `\n  ${d.url} → ${path.join(dataDir, d.file)}${d.unzip ? ` (extract ${d.unzip})` : ''}`);
        outcome.offline = `${error.message}; you are offline or the publisher is down; download the files by hand into ${path.join(dataDir, download.file)} (see sources.yaml):${rest.join('')}`;
        break;
      }
      if (error instanceof HttpStatusError) outcome.failures.push(httpFailure(download, error, options.retries));
      else if (error instanceof SourceError) outcome.failures.push(error.message);
      else throw error;
      progress.warn(`${download.file}: not fetched`);
    }
  }
  return outcome;
}

async function fetchOne(dataDir: string, d: PlannedDownload, manifest: FetchManifest, options: Omit<DownloadOptions, 'onRetry'>, progress: Progress, outcome: FetchOutcome, now: () => Date): Promise<void> {
  const target = path.join(dataDir, d.file);
  const previous = manifest.files[d.file];
  const present = await sha256OfFile(target);
  if (present !== null && present !== previous?.sha256) {
    outcome.kept.push(d.file);
    progress.step(`kept ${d.file}: ${previous === undefined ? 'already in the data folder, not written by fetch' : `changed since it was fetched on ${previous.fetchedAt}`}; delete it to fetch it again`);
    return;
  }
  const conditional = present !== null && previous?.url === d.url ? { etag: previous.etag, lastModified: previous.lastModified } : {};
  const cached = path.join(dataDir, FETCH_CACHE_DIR, d.file);
  const downloadPart = `${cached}.download.part`;
  const filePart = `${cached}.part`;
  await mkdir(path.dirname(cached), { recursive: true });
  try {
    const result = await downloadToFile(d.url, downloadPart, {
      ...options,
      onRetry: ({ attempt, of, delayMs, reason }) => progress.warn(`${d.file}: ${reason}; attempt ${attempt} of ${of} in ${(delayMs / 1000).toFixed(1)} s`),
    }, conditional);
    if (result.status === 'not-modified') {
      outcome.unchanged.push(d.file);
      progress.step(`unchanged ${d.file}: not modified since it was fetched on ${previous?.fetchedAt}`);
      return;
    }
    const file = d.unzip === undefined ? { bytes: result.bytes, sha256: result.sha256 } : await extractZipEntry(downloadPart, d.unzip, filePart, path.posix.basename(new URL(d.url).pathname));
    if (d.unzip === undefined) await rename(downloadPart, filePart);
    if (d.expectedSha256 !== undefined && file.sha256 !== d.expectedSha256) {
      throw new SourceError({ file: d.file, line: 0, column: 0, rule: 'checksum-mismatch', explanation: `downloaded from ${d.url} has sha256 ${file.sha256}; expected ${d.expectedSha256} (download.sha256 of ${d.sourceId} in sources.yaml): the publisher changed the file or the download is damaged; nothing was replaced` });
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(filePart, target);
    manifest.files[d.file] = { source: d.sourceId, url: d.url, file: d.file, sha256: file.sha256, bytes: file.bytes, fetchedAt: now().toISOString(), ...definedValidators(result.validators) };
    await writeFetchManifest(dataDir, manifest);
    outcome.fetched.push({ file: d.file, bytes: file.bytes });
    const seconds = result.elapsedMs / 1000;
    progress.step(`fetched ${d.file}: ${formatBytes(result.bytes)} in ${seconds.toFixed(1)} s (${formatBytes(result.bytes / Math.max(seconds, 0.001))}/s) from ${new URL(d.url).host}${d.unzip === undefined ? '' : `, extracted ${formatBytes(file.bytes)}`}`);
  } finally {
    await rm(downloadPart, { force: true });
    await rm(filePart, { force: true });
  }
}

/** `--verify`: re-hashes every file the manifest lists; one line per file that is missing or changed. */
export async function verifyFetched(dataDir: string, progress: Progress): Promise<{ checked: number; problems: string[] }> {
  const manifest = await readFetchManifest(dataDir);
  const problems: string[] = [];
  const entries = Object.values(manifest.files);
  for (const entry of entries) {
    const sha256 = await sha256OfFile(path.join(dataDir, entry.file));
    if (sha256 === entry.sha256) progress.step(`verified ${entry.file}: sha256 ${sha256.slice(0, 12)}…, as fetched on ${entry.fetchedAt}`);
    else if (sha256 === null) problems.push(new SourceError({ file: entry.file, line: 0, column: 0, rule: 'fetched-file-missing', explanation: `was fetched from ${entry.url} on ${entry.fetchedAt} but is no longer in the data folder; fetch it again` }).message);
    else problems.push(new SourceError({ file: entry.file, line: 0, column: 0, rule: 'fetched-file-changed', explanation: `has sha256 ${sha256}; expected ${entry.sha256}, as fetched from ${entry.url} on ${entry.fetchedAt}; delete it and fetch it again` }).message);
  }
  return { checked: entries.length, problems };
}

function httpFailure(d: PlannedDownload, error: HttpStatusError, retries: number): string {
  const what =
    error.status >= 500 || error.status === 429
      ? `answered ${error.status} ${error.statusText} ${retries + 1} times; the publisher is having trouble: try again later`
      : `answered ${error.status} ${error.statusText}; expected the file published by ${d.publisher}: check that it is published (the year, the provincia) and download.url of ${d.sourceId} in sources.yaml`;
  return new SourceError({ file: d.file, line: 0, column: 0, rule: `http-${error.status}`, explanation: `${d.url} ${what.replace(/  +/g, ' ')}` }).message;
}

function definedValidators(validators: { etag?: string | undefined; lastModified?: string | undefined }): { etag?: string; lastModified?: string } {
  return { ...(validators.etag === undefined ? {} : { etag: validators.etag }), ...(validators.lastModified === undefined ? {} : { lastModified: validators.lastModified }) };
}

async function sha256OfFile(file: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return hash.digest('hex');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
