/**
 * What every answer carries over HTTP, whatever the route: security headers, compression by
 * Accept-Encoding, cache headers for the dashboard's files. Raw node:http requests, so that nothing
 * decompresses or adds headers behind the test's back.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtData } from '../../testing/district-fixture.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { COMPRESSION_THRESHOLD_BYTES } from './compression.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** The policy's directives by name, each with its sources as sent. */
function directives(headers: RawAnswer['headers']): Map<string, string> {
  const policy = String(headers['content-security-policy'] ?? '');
  return new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(/\s+/, 1)[0]!, part.slice(part.indexOf(' ') + 1).trim()]));
}

function decoded(answer: RawAnswer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  return answer.body;
}

let state: string;
let snapshot: FixtureSnapshot;
let server: TestServer;
const APP_JS = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;
beforeAll(async () => {
  state = await createStateDir();
  snapshot = await buildFixtureSnapshot({ data: districtData() });
  await publishFixtureSnapshot(state, snapshot);
  const dist = path.join(state, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Osservatorio</title><div id="root"></div>');
  await writeFile(path.join(dist, 'assets', 'index-B3xk9Lqa.js'), APP_JS);
  await writeFile(path.join(dist, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startTestServer(state, { OSSERVATORIO_FRONTEND_DIR: dist });
});
afterAll(async () => {
  await server?.close();
  await snapshot?.remove();
  await removeStateDir(state);
});

describe('security headers', () => {
  it.each([
    ['an API answer', '/api/territories'],
    ['an error', '/api/territories?level=frazione'],
    ['a 404', '/api/nothing-here'],
    ['health', '/api/health'],
    ['the dashboard', '/'],
    ['a dashboard asset', '/assets/index-B3xk9Lqa.js'],
    ['the API documentation', '/api/docs'],
    ['the OpenAPI document', '/api/docs-json'],
  ])('are on %s', async (_, route) => {
    const { headers } = await get(`${server.url}${route}`);
    const policy = directives(headers);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
  });

  it("allow inline styles only to Swagger UI's page", async () => {
    expect(directives((await get(`${server.url}/`)).headers).get('style-src')).toBe("'self'");
    expect(directives((await get(`${server.url}/api/territories`)).headers).get('style-src')).toBe("'self'");
    expect(directives((await get(`${server.url}/api/docs`)).headers).get('style-src')).toBe("'self' 'unsafe-inline'");
  });
});

describe('compression', () => {
  const TERRITORIES = '/api/territories';

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
  ])('answers Accept-Encoding: %s with %s, the same JSON once decoded', async (accept, encoding) => {
    const plain = await get(`${server.url}${TERRITORIES}`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    const packed = await get(`${server.url}${TERRITORIES}`, { 'Accept-Encoding': accept });
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(String(packed.headers.vary)).toMatch(/accept-encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(decoded(packed).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('leaves answers under the threshold as they are', async () => {
    const small = await get(`${server.url}/api/territories?level=regione`, { 'Accept-Encoding': 'gzip, br' });
    expect(small.body.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses CSV and Arrow, which decode to the uncompressed bytes', async () => {
    for (const format of ['csv', 'arrow']) {
      const plain = await get(`${server.url}/api/indicators?format=${format}`);
      expect(plain.body.length, format).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
      const packed = await get(`${server.url}/api/indicators?format=${format}`, { 'Accept-Encoding': 'br' });
      expect(packed.headers['content-encoding'], format).toBe('br');
      expect(decoded(packed).equals(plain.body), format).toBe(true);
    }
    const arrow = await get(`${server.url}${TERRITORIES}?format=arrow`, { 'Accept-Encoding': 'gzip' });
    expect(tableFromIPC(decoded(arrow)).numRows).toBe(JSON.parse((await get(`${server.url}${TERRITORIES}`)).body.toString('utf8')).rows.length);
  });

  it('keeps the ETag and answers If-None-Match with an empty 304 when compressed', async () => {
    const first = await get(`${server.url}${TERRITORIES}`, { 'Accept-Encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const again = await get(`${server.url}${TERRITORIES}`, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("compresses the dashboard's scripts", async () => {
    const script = await get(`${server.url}/assets/index-B3xk9Lqa.js`, { 'Accept-Encoding': 'gzip' });
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(decoded(script).toString('utf8')).toBe(APP_JS);
  });
});

describe("cache headers of the dashboard's files", () => {
  it('keeps hashed assets for a year, as immutable', async () => {
    const { headers } = await get(`${server.url}/assets/index-B3xk9Lqa.js`);
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/', '/index.html', '/ambiti/PV-T1', '/assets/logo.svg'])('has %s revalidated on every use', async (route) => {
    expect((await get(`${server.url}${route}`)).headers['cache-control']).toBe('no-cache');
  });

  it('answers a conditional request for a file with 304', async () => {
    const first = await get(`${server.url}/assets/index-B3xk9Lqa.js`, { 'Accept-Encoding': 'gzip' });
    expect(first.headers.etag).toBeDefined();
    const again = await get(`${server.url}/assets/index-B3xk9Lqa.js`, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });
});
