import { afterAll, beforeAll, expect, it } from 'vitest';
import { districtFixture } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { createStateDir, publishSnapshot, removeStateDir } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

let state: string;
let server: TestServer;
beforeAll(async () => {
  state = await createStateDir();
  // A catalogue entry without a name: the API cannot publish it, which is a bug, not a bad request.
  await publishSnapshot(state, { ...districtFixture(), indicators: [{ code: 'BROKEN' }] });
  server = await startTestServer(state, {});
});
afterAll(async () => {
  await server?.close();
  await removeStateDir(state);
});

it('answers an unexpected error with a 500 that carries no stack or internal message', async () => {
  const { status, body, headers } = await getJson(`${server.url}/api/indicators/BROKEN`);
  expect(status).toBe(500);
  expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error: the details are in the server log' });
  expect(headers.get('etag')).toBeNull();
});
