import { afterAll, beforeAll, expect, it } from 'vitest';
import { getJson } from './testing/http.js';
import { createStateDir, removeStateDir } from './testing/snapshot-factory.js';
import { startTestServer, type TestServer } from './testing/test-server.js';

let state: string;
let server: TestServer;
beforeAll(async () => {
  state = await createStateDir();
  server = await startTestServer(state);
});
afterAll(async () => {
  await server?.close();
  await removeStateDir(state);
});

it('documents every endpoint, with response schemas, at /api/docs-json', async () => {
  const { status, body } = await getJson(`${server.url}/api/docs-json`);
  expect(status).toBe(200);
  expect(Object.keys(body.paths).sort()).toEqual([
    '/api/boundaries/{provinciaCode}',
    '/api/compare',
    '/api/export/values',
    '/api/gaps',
    '/api/health',
    '/api/indicators',
    '/api/indicators/{code}',
    '/api/indicators/{code}/trend',
    '/api/indicators/{code}/values',
    '/api/profiles/{territory}',
    '/api/provenance',
    '/api/quality',
    '/api/snapshots/served',
    '/api/territories',
  ]);
  const values = body.paths['/api/indicators/{code}/values'].get;
  expect(Object.keys(values.responses['200'].content)).toEqual(['application/json', 'text/csv', 'application/vnd.apache.arrow.stream']);
  expect(values.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['code', 'level', 'parent', 'year', 'years', 'benchmark', 'group', 'classify', 'limit', 'offset', 'format']));
  for (const path of ['/api/profiles/{territory}', '/api/compare', '/api/gaps', '/api/indicators/{code}/trend']) {
    expect(Object.keys(body.paths[path].get.responses['200'].content), path).toEqual(['application/json', 'text/csv', 'application/vnd.apache.arrow.stream']);
  }
  const quality = body.paths['/api/quality'].get;
  expect(Object.keys(quality.responses['200'].content)).toEqual(['application/json', 'text/csv', 'application/vnd.apache.arrow.stream']);
  expect(quality.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['severity', 'rule', 'territory', 'limit', 'offset', 'format']));
  expect(Object.keys(body.paths['/api/provenance'].get.responses['200'].content)).toEqual(['application/json']);
  expect(Object.keys(body.components.schemas.ValueRowDto.properties)).toEqual(['code', 'name', 'level', 'indicator', 'year', 'numerator', 'denominator', 'value', 'ci95', 'ci998', 'comparison', 'smallNumber', 'suppressed', 'synthetic', 'comuniWithData', 'comuniTotal', 'benchmarkCode', 'quintile']);
});

it('serves the interactive documentation at /api/docs', async () => {
  const response = await fetch(`${server.url}/api/docs`);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('swagger');
});
