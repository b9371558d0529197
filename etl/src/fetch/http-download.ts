/**
 * Downloads one URL into a file, hashing it while it streams. Network errors, timeouts and 5xx answers
 * are retried with exponential backoff; other statuses (404…) are final. A conditional request (ETag,
 * Last-Modified) that the server answers 304 leaves the file alone.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DownloadOptions {
  /** Attempts after the first. */
  readonly retries: number;
  /** Wait before the first retry; doubled for each further one. */
  readonly retryDelayMs: number;
  /** An attempt that receives nothing for this long is abandoned (and retried). */
  readonly timeoutMs: number;
  readonly onRetry?: (retry: { attempt: number; of: number; delayMs: number; reason: string }) => void;
}

export interface Validators {
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}

export type DownloadResult =
  | { readonly status: 'not-modified' }
  | { readonly status: 'downloaded'; readonly bytes: number; readonly sha256: string; readonly elapsedMs: number; readonly validators: Validators };

/** The publisher answered, with a status that is not the file. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`${url} answered ${status} ${statusText}`.trim());
  }
}

/** The publisher could not be reached (or stopped answering), after every retry. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`cannot reach ${host}: ${reason}`);
  }
}

class NetworkFailure extends Error {}

export async function downloadToFile(url: string, target: string, options: DownloadOptions, validators: Validators = {}): Promise<DownloadResult> {
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptDownload(url, target, options.timeoutMs, validators);
    } catch (error) {
      const retryable = error instanceof NetworkFailure || (error instanceof HttpStatusError && (error.status >= 500 || error.status === 429));
      if (!retryable) throw error;
      if (attempt >= attempts) throw error instanceof NetworkFailure ? new UnreachableError(new URL(url).host, error.message) : error;
      const delayMs = options.retryDelayMs * 2 ** (attempt - 1);
      options.onRetry?.({ attempt: attempt + 1, of: attempts, delayMs, reason: error instanceof HttpStatusError ? `${error.status} ${error.statusText}`.trim() : error.message });
      await sleep(delayMs);
    }
  }
}

async function attemptDownload(url: string, target: string, timeoutMs: number, validators: Validators): Promise<DownloadResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), timeoutMs);
  };
  const headers: Record<string, string> = { 'user-agent': 'osservatorio-etl (npm run etl -- fetch)' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  idle();
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw networkFailure(error, controller.signal.aborted, timeoutMs);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new HttpStatusError(url, response.status, response.statusText);
    }
    const hash = createHash('sha256');
    let bytes = 0;
    const out = await open(target, 'w');
    try {
      for await (const chunk of response.body) {
        idle();
        hash.update(chunk);
        bytes += chunk.length;
        await out.write(chunk);
      }
      await out.sync();
    } catch (error) {
      throw networkFailure(error, controller.signal.aborted, timeoutMs);
    } finally {
      await out.close();
    }
    return {
      status: 'downloaded',
      bytes,
      sha256: hash.digest('hex'),
      elapsedMs: performance.now() - started,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** undici reports socket errors as TypeError (`fetch failed`, `terminated`) with the socket's error as cause; file errors pass through. */
function networkFailure(error: unknown, timedOut: boolean, timeoutMs: number): Error {
  if (timedOut) return new NetworkFailure(`nothing received for ${timeoutMs / 1000} s`);
  if (error instanceof TypeError) return new NetworkFailure(error.cause instanceof Error && error.cause.message !== '' ? error.cause.message : error.message);
  return error instanceof Error ? error : new Error(String(error));
}
