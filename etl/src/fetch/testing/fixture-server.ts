/**
 * A publisher for tests, on 127.0.0.1 only: serves fixed bodies with an ETag, answers If-None-Match
 * with 304, and injects the faults queued for a path (one per request, in order) before serving.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { readonly status: number } | 'reset-before-headers' | 'reset-mid-body' | 'stall';

export interface FixtureServer {
  readonly origin: string;
  /** Serves `body` at `path` (replacing what was there), with an ETag from its hash. */
  serve(path: string, body: string | Uint8Array): void;
  /** Faults for the next requests to `path`, one per request. */
  fail(path: string, ...faults: Fault[]): void;
  readonly requests: { readonly path: string; readonly headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const bodies = new Map<string, Buffer>();
  const faults = new Map<string, Fault[]>();
  const requests: FixtureServer['requests'][number][] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const fault = faults.get(path)?.shift();
    const body = bodies.get(path);
    if (fault === 'reset-before-headers') return request.socket.destroy();
    if (fault === 'stall') return; // never answers: the client's timeout must end it
    if (fault !== undefined && typeof fault === 'object') return response.writeHead(fault.status, { 'content-type': 'text/plain' }).end(`fault ${fault.status}`);
    if (body === undefined) return response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length, etag, 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' });
    if (fault === 'reset-mid-body') {
      response.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => request.socket.destroy(), 20);
      return;
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (path, body) => void bodies.set(path, Buffer.from(body)),
    fail: (path, ...queued) => void faults.set(path, [...(faults.get(path) ?? []), ...queued]),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
