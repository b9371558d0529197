/**
 * SQL-injection attempts in every parameter of every route the OpenAPI document lists (so a new route
 * is covered the day it is documented): each is refused with 400 or 404, never a 5xx, never with data,
 * and the snapshot file is byte-for-byte the same afterwards. Free text (a search's `q`) is text to look
 * for, so it may answer 200: then only with rows of the catalogue it searches, as a search for words would.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { stateLayout } from '@osservatorio/etl/layout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtData } from '../../backend/src/testing/district-fixture.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../../backend/src/testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../../backend/src/testing/test-server.js';

const ATTEMPTS = [
  "' OR 1=1 --",
  "018110'; DROP TABLE territory; --",
  '018" OR ""="',
  '018110’ OR ’1’=’1', // typographic quotes
  'ʼ OR ʼ1ʼ=ʼ1', // modifier letter apostrophe
  "') UNION SELECT code, name, level, parent_code, NULL, NULL, NULL FROM territory --",
  '1; SELECT * FROM source',
  '%27%20OR%201%3D1', // encoded twice
  '$parent',
  "018\u0000' OR 1=1",
  "x'||(SELECT string_agg(code, ',') FROM territory)||'",
  `018${"' OR '1'='1".repeat(300)}`, // 3.3 kB, about 9 kB encoded: it reaches the routes
];

/** Values that each parameter accepts, so that one parameter at a time carries the attempt. */
const GOOD: Record<string, string> = {
  code: 'DEM_POP',
  indicator: 'DEM_POP',
  territories: '018110,019036',
  provinciaCode: '018',
  territory: '018110',
  parent: '018',
  level: 'comune',
};

/** Where a route needs another good value: gaps are of a supply indicator with a target. */
const GOOD_ON: Record<string, Record<string, string>> = { '/api/gaps': { indicator: 'SUP01' } };

/** Parameters that take any text (route and name), and the listing whose rows a search through them may answer with. */
const FREE_TEXT: Record<string, string> = { '/api/indicators q': '/api/indicators', '/api/territories q': '/api/territories' };

interface Operation {
  readonly path: string;
  readonly parameters: readonly { name: string; in: 'path' | 'query'; required?: boolean }[];
}

function urlFor(op: Operation, values: Record<string, string>): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? GOOD_ON[op.path]?.[name] ?? GOOD[name] ?? 'x'));
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((p) => p.in === 'query')) {
    const value = values[p.name] ?? (p.required ? (GOOD_ON[op.path]?.[p.name] ?? GOOD[p.name]) : undefined);
    if (value !== undefined) query.set(p.name, value);
  }
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}

let state: string;
let snapshot: FixtureSnapshot;
let server: TestServer;
let operations: Operation[];
let snapshotFile: string;
beforeAll(async () => {
  state = await createStateDir();
  snapshot = await buildFixtureSnapshot({ data: districtData() });
  await publishFixtureSnapshot(state, snapshot);
  snapshotFile = stateLayout(state).snapshotFile(snapshot.id);
  server = await startTestServer(state);
  const document = (await (await fetch(`${server.url}/api/docs-json`)).json()) as { paths: Record<string, { get?: { parameters?: Operation['parameters'] } }> };
  operations = Object.entries(document.paths).flatMap(([path, item]) => (item.get ? [{ path, parameters: (item.get.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query') }] : []));
});
afterAll(async () => {
  await server?.close();
  await snapshot?.remove();
  await removeStateDir(state);
});

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('SQL injection', () => {
  it('covers the data routes, each answering 200 with good parameters (so refusals below are not for another reason)', async () => {
    expect(operations.map((o) => o.path)).toEqual(expect.arrayContaining(['/api/territories', '/api/indicators/{code}/values', '/api/quality', '/api/provenance', '/api/boundaries/{provinciaCode}']));
    for (const op of operations) expect((await fetch(`${server.url}${urlFor(op, {})}`)).status, op.path).toBe(200);
  });

  it('refuses every attempt in every parameter with 400 or 404 and no data (free text: only rows of what it searches), and leaves the snapshot intact', async () => {
    const before = await sha256(snapshotFile);
    const territoriesBefore = await (await fetch(`${server.url}/api/territories`)).text();
    const answers: string[] = [];
    let tried = 0;
    for (const op of operations) {
      for (const parameter of op.parameters) {
        for (const attempt of ATTEMPTS) {
          const url = urlFor(op, { [parameter.name]: attempt });
          const response = await fetch(`${server.url}${url}`);
          const text = await response.text();
          tried += 1;
          const body = JSON.parse(text) as Record<string, unknown>;
          const searched = FREE_TEXT[`${op.path} ${parameter.name}`];
          if (searched !== undefined && response.status === 200) {
            const listing = (await (await fetch(`${server.url}${searched}`)).json()) as { rows: { code: string }[] };
            const rows = (body as { rows?: { code: string }[] }).rows ?? [];
            const listed = new Set(listing.rows.map((row) => row.code));
            if (!rows.every((row) => listed.has(row.code))) answers.push(`${response.status} ${url.slice(0, 120)}: rows not of ${searched}: ${text.slice(0, 200)}`);
          } else if (![400, 404].includes(response.status) || 'rows' in body || typeof body.message !== 'string') {
            answers.push(`${response.status} ${url.slice(0, 120)}: ${text.slice(0, 200)}`);
          }
          // The refusal names the attempt at most as it was sent; it never carries codes it was not given.
          if (!attempt.includes('018177') && text.includes('018177')) answers.push(`leaked a territory code: ${url.slice(0, 120)}`);
        }
      }
    }
    expect(answers).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(ATTEMPTS.length * 10);
    expect(await sha256(snapshotFile)).toBe(before);
    expect(await (await fetch(`${server.url}/api/territories`)).text()).toBe(territoriesBefore);
  });

  it("refuses a URL beyond Node's 16 kB header limit before any route sees it, with 431", async () => {
    const response = await fetch(`${server.url}/api/territories?parent=${encodeURIComponent("' OR '1'='1".repeat(2000))}`);
    expect(response.status).toBe(431);
    expect(await response.text()).not.toContain('rows');
  });

  it('refuses a parameter given twice', async () => {
    const response = await fetch(`${server.url}/api/territories?parent=018&parent=${encodeURIComponent("' OR 1=1 --")}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: 'parent' });
  });
});
