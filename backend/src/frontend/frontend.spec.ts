import { mkdir, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStateDir, removeStateDir } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let state: string;
let server: TestServer;
beforeEach(async () => {
  state = await createStateDir();
});
afterEach(async () => {
  await server?.close();
  await removeStateDir(state);
});

describe('with a built frontend', () => {
  beforeEach(async () => {
    const dist = path.join(state, 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Osservatorio</title><div id="root"></div>');
    await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log("app")');
    await writeFile(path.join(state, 'secret.txt'), 'outside the frontend folder');
    server = await startTestServer(state, { OSSERVATORIO_FRONTEND_DIR: dist });
  });

  it('serves index.html at /', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves the files of the frontend folder', async () => {
    const response = await fetch(`${server.url}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe('console.log("app")');
  });

  it("falls back to index.html for the app's own routes", async () => {
    const response = await fetch(`${server.url}/ambiti/AMB_PV?anno=2024`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt'])('never serves a file outside the frontend folder: %s', async (rawPath) => {
    expect(await rawGet(server.url, rawPath)).not.toContain('outside the frontend folder');
  });

  it('answers unknown API routes with a JSON 404, not the app', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`, { headers: { 'Accept-Language': 'en' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'No endpoint GET /api/nothing-here: the API is described at /api/docs' });
    const italian = await fetch(`${server.url}/api/nothing-here`);
    expect(await italian.json()).toMatchObject({ message: "Nessun endpoint GET /api/nothing-here: l'API è descritta in /api/docs" });
  });
});

it('says to run npm run build when the frontend is not built', async () => {
  server = await startTestServer(state, { OSSERVATORIO_FRONTEND_DIR: path.join(state, 'missing') });
  const response = await fetch(`${server.url}/`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await response.text()).toContain('npm run build');
});

/** GET with the path sent as written: fetch() would normalise the dot segments away. */
function rawGet(base: string, rawPath: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path: rawPath }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
    }).on('error', reject);
  });
}
