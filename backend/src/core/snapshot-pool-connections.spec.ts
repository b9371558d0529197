import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { districtData } from '../testing/district-fixture.js';
import { ManualClock } from '../testing/manual-clock.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { int32Column } from './duckdb-columns.js';
import { SnapshotPool, type SnapshotReader } from './snapshot-pool.js';

// The pool on the district's snapshot, as the API opens it; DuckDB itself says which connection ran a query.
let state: string;
let snapshot: FixtureSnapshot;
let pool: SnapshotPool;
beforeAll(async () => {
  state = await createStateDir();
  snapshot = await buildFixtureSnapshot({ data: districtData() });
  await publishFixtureSnapshot(state, snapshot);
  pool = new SnapshotPool(loadConfig({ OSSERVATORIO_STATE_DIR: state }), new ManualClock());
  await pool.onModuleInit();
});
afterAll(async () => {
  pool?.onModuleDestroy();
  await snapshot?.remove();
  await removeStateDir(state);
});

interface ConnectionRow {
  id: number;
  open: number;
}
const WHO = 'SELECT CAST(current_connection_id() AS INTEGER) AS id, CAST(count AS INTEGER) AS open FROM duckdb_connection_count()';
const who = async (reader: SnapshotReader) => (await reader.query<ConnectionRow>(WHO))[0]!;

/** `count` units of work that each run one query and then hold their connection until `held` of them have run it. */
function holdConnections(count: number, held: number) {
  const seen: ConnectionRow[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = Array.from({ length: count }, () =>
    pool.use(async (reader) => {
      seen.push(await who(reader));
      if (seen.length === held) release();
      await released;
    }),
  );
  return { seen, released, done: Promise.all(done) };
}

it('opens at most 8 connections; more work at once waits for one of them and reuses it', async () => {
  const { seen, done } = holdConnections(12, 8);
  await done;
  expect(seen).toHaveLength(12);
  expect(Math.max(...seen.map((r) => r.open))).toBeLessThanOrEqual(8);
  const first = new Set(seen.slice(0, 8).map((r) => r.id));
  expect(first.size).toBe(8);
  for (const later of seen.slice(8)) expect(first.has(later.id)).toBe(true);
});

it('takes no connection for work that runs no query', async () => {
  const { released, done } = holdConnections(8, 8);
  await released;
  // All 8 connections are held: work that only reads the catalogue must not wait for one.
  const codes = await pool.use(async (reader) => reader.catalogue.codes);
  expect(codes.length).toBeGreaterThan(0);
  await done;
});

it('gives every unit of work its own answers while they queue', async () => {
  const codes = ['018110', '018193', '018026', '019036'];
  const answers = await Promise.all(
    Array.from({ length: 24 }, (_, i) => pool.use(async (reader) => (await reader.query<{ code: string }>('SELECT code FROM territory WHERE code = $code', { code: codes[i % 4]! }))[0]?.code)),
  );
  expect(answers).toEqual(Array.from({ length: 24 }, (_, i) => codes[i % 4]));
});

it('streams on the connection of the unit of work, taken at the first query or stream', async () => {
  const [ids, streamed] = await pool.use(async (reader) => {
    const first = await who(reader);
    const seen: number[] = [];
    for await (const chunk of reader.stream('SELECT CAST(current_connection_id() AS INTEGER) AS id, code FROM territory ORDER BY code')) seen.push(...int32Column(chunk.columns.id!));
    return [{ first: first.id, streamed: new Set(seen) }, seen.length] as const;
  });
  const [count] = await pool.use((reader) => reader.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM territory'));
  expect(streamed).toBe(count?.n);
  expect([...ids.streamed]).toEqual([ids.first]);
});
