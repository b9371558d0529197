import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, getJson } from './client';

/** A server that refuses every request with the Accept-Language it was sent, as the API words its errors. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(400, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(JSON.stringify({ statusCode: 400, error: 'Bad Request', message: `language ${request.headers['accept-language'] ?? 'none'}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The page is served by the API, as in production: same origin.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${base}/`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('requests to the API', () => {
  it.each(['en', 'it'])('ask for messages in the language of the page (%s)', async (lang) => {
    document.documentElement.lang = lang;
    const error = await getJson('/api/anything').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(`language ${lang}`);
  });
});
