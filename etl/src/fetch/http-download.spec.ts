import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadToFile, HttpStatusError, UnreachableError, type DownloadOptions } from './http-download.js';
import { startFixtureServer, unusedPort, type FixtureServer } from './testing/fixture-server.js';

let dir: string;
let server: FixtureServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-download-'));
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const BODY = 'Codice comune;Età;Totale\n'.repeat(2000);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function options(retries = 3): DownloadOptions & { retries: number; retried: string[] } {
  const retried: string[] = [];
  return { retries, retryDelayMs: 5, timeoutMs: 2000, onRetry: (r) => retried.push(`${r.attempt}/${r.of} after ${r.delayMs} ms: ${r.reason}`), retried };
}

describe('downloadToFile', () => {
  it('streams the body into the file with its sha256 and validators', async () => {
    server.serve('/a.csv', BODY);
    const target = path.join(dir, 'a.csv');
    const result = await downloadToFile(`${server.origin}/a.csv`, target, options());
    expect(result).toMatchObject({ status: 'downloaded', bytes: Buffer.byteLength(BODY), sha256: sha256(BODY), validators: { etag: expect.stringMatching(/^"[0-9a-f]{16}"$/), lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT' } });
    expect(await readFile(target, 'utf8')).toBe(BODY);
  });

  it('retries a 503 with exponential backoff, then succeeds', async () => {
    server.serve('/busy.csv', BODY);
    server.fail('/busy.csv', { status: 503 }, { status: 502 });
    const opts = options();
    const result = await downloadToFile(`${server.origin}/busy.csv`, path.join(dir, 'busy.csv'), opts);
    expect(result).toMatchObject({ status: 'downloaded', sha256: sha256(BODY) });
    expect(opts.retried).toEqual(['2/4 after 5 ms: 503 Service Unavailable', '3/4 after 10 ms: 502 Bad Gateway']);
  });

  it('retries a connection reset, before the headers and in the middle of the body', async () => {
    server.serve('/reset.csv', BODY);
    server.fail('/reset.csv', 'reset-before-headers', 'reset-mid-body');
    const opts = options();
    const target = path.join(dir, 'reset.csv');
    const result = await downloadToFile(`${server.origin}/reset.csv`, target, opts);
    expect(result).toMatchObject({ status: 'downloaded', bytes: Buffer.byteLength(BODY), sha256: sha256(BODY) });
    expect(await readFile(target, 'utf8')).toBe(BODY);
    expect(opts.retried).toHaveLength(2);
  });

  it('abandons an attempt that receives nothing within the timeout, and retries it', async () => {
    server.serve('/slow.csv', BODY);
    server.fail('/slow.csv', 'stall');
    const opts = { ...options(), timeoutMs: 200 };
    expect(await downloadToFile(`${server.origin}/slow.csv`, path.join(dir, 'slow.csv'), opts)).toMatchObject({ status: 'downloaded' });
    expect(opts.retried).toEqual(['2/4 after 5 ms: nothing received for 0.2 s']);
  });

  it('does not retry a 404', async () => {
    const opts = options();
    const error = await downloadToFile(`${server.origin}/missing.csv`, path.join(dir, 'missing.csv'), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).message).toBe(`${server.origin}/missing.csv answered 404 Not Found`);
    expect(opts.retried).toEqual([]);
    expect(server.requests.filter((r) => r.path === '/missing.csv')).toHaveLength(1);
  });

  it('gives up on a 5xx after the last retry, with the status', async () => {
    server.serve('/down.csv', BODY);
    server.fail('/down.csv', { status: 503 }, { status: 503 }, { status: 503 });
    const error = await downloadToFile(`${server.origin}/down.csv`, path.join(dir, 'down.csv'), options(2)).catch((e: unknown) => e);
    expect((error as HttpStatusError).status).toBe(503);
  });

  it('reports an unreachable host once the retries are spent', async () => {
    const port = await unusedPort();
    const opts = options(1);
    const error = await downloadToFile(`http://127.0.0.1:${port}/a.csv`, path.join(dir, 'offline.csv'), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as UnreachableError).message).toBe(`cannot reach 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(opts.retried).toHaveLength(1);
  });

  it('sends the validators it is given, and leaves the file alone on 304', async () => {
    server.serve('/same.csv', BODY);
    const target = path.join(dir, 'same.csv');
    const first = await downloadToFile(`${server.origin}/same.csv`, target, options());
    if (first.status !== 'downloaded') throw new Error('expected a download');
    const second = await downloadToFile(`${server.origin}/same.csv`, path.join(dir, 'not-written.csv'), options(), first.validators);
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(first.validators.etag);
    await expect(readFile(path.join(dir, 'not-written.csv'))).rejects.toThrow(/ENOENT/);
  });
});
