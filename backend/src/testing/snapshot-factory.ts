/**
 * Builds real snapshot files for tests: the ETL's schema.sql, executed in a new DuckDB file, with the rows
 * a test gives (column names as in schema.sql), in a temporary state folder laid out as the ETL lays it.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION, stateLayout } from '@osservatorio/etl/layout';
import { repoRoot } from '../config/config.js';

type Value = string | number | boolean | null;
type Row = Readonly<Record<string, Value | undefined>>;

export interface SnapshotMeta {
  readonly snapshotId: string;
  readonly createdAt?: string;
  readonly mode?: 'real' | 'demo';
  readonly referenceDate?: string;
  readonly ambitiExample?: boolean;
  readonly ambitiNote?: { it: string; en: string } | null;
  readonly schemaVersion?: string;
}

export interface SnapshotFixture {
  readonly meta: SnapshotMeta;
  readonly sources?: readonly Row[];
  readonly territories?: readonly Row[];
  readonly ambitoMembers?: readonly Row[];
  /** Catalogue entries as in datasets/indicators.yaml; position is their order here. */
  readonly indicators?: readonly { readonly code: string }[];
  readonly parts?: readonly Row[];
  readonly indicatorSources?: readonly Row[];
  readonly boundaries?: readonly { readonly provincia_code: string; readonly topojson: object; readonly source_id: string }[];
}

const schemaFile = path.join(repoRoot, 'etl', 'src', 'model', 'schema.sql');
// Derived from territory and ambito_member exactly as the ETL derives it.
const containmentFile = path.join(repoRoot, 'etl', 'src', 'model', 'containment.sql');

export async function createStateDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'osservatorio-test-'));
}

export async function removeStateDir(stateDir: string): Promise<void> {
  await rm(stateDir, { recursive: true, force: true });
}

/** Writes `<state>/snapshots/<id>.duckdb` without publishing it; returns the file. */
export async function writeSnapshot(stateDir: string, fixture: SnapshotFixture): Promise<string> {
  const layout = stateLayout(stateDir);
  await mkdir(layout.snapshotsDir, { recursive: true });
  const file = layout.snapshotFile(fixture.meta.snapshotId);
  await rm(file, { force: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await connection.run(await readFile(schemaFile, 'utf8'));
    const insert = async (table: string, rows: readonly Row[] = []): Promise<void> => {
      for (const row of rows) {
        const columns = Object.keys(row).filter((c) => row[c] !== undefined);
        for (const c of columns) if (!/^[a-z_0-9]+$/.test(c)) throw new Error(`Fixture column ${table}.${c} is not a column name`);
        const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
        await connection.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`, columns.map((c) => row[c] as Value));
      }
    };
    await insert('snapshot_meta', metaRows(fixture.meta));
    await insert('source', (fixture.sources ?? []).map((s) => ({ rows_read: 1, synthetic: false, ...s })));
    await insert('territory', fixture.territories);
    await insert('ambito_member', fixture.ambitoMembers);
    await connection.run(await readFile(containmentFile, 'utf8'));
    await insert('indicator', (fixture.indicators ?? []).map((d, position) => ({ code: d.code, position, definition: JSON.stringify(d) })));
    await insert('indicator_part', (fixture.parts ?? []).map((p) => ({ denominator: null, synthetic: false, ...p })));
    await insert('indicator_source', fixture.indicatorSources);
    await insert('boundary', (fixture.boundaries ?? []).map((b) => ({ ...b, topojson: JSON.stringify(b.topojson) })));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return file;
}

/** Points CURRENT at `pointer` with an atomic rename, as the ETL publishes. */
export async function pointCurrentAt(stateDir: string, pointer: string): Promise<void> {
  const layout = stateLayout(stateDir);
  await mkdir(layout.snapshotsDir, { recursive: true });
  const temporary = `${layout.currentPointer}.tmp`;
  await writeFile(temporary, `${pointer}\n`);
  await rename(temporary, layout.currentPointer);
}

/** Writes the snapshot and makes it the current one. */
export async function publishSnapshot(stateDir: string, fixture: SnapshotFixture): Promise<void> {
  await writeSnapshot(stateDir, fixture);
  await pointCurrentAt(stateDir, fixture.meta.snapshotId);
}

function metaRows(meta: SnapshotMeta): Row[] {
  const entries: [string, string | null | undefined][] = [
    ['snapshot_id', meta.snapshotId],
    ['schema_version', meta.schemaVersion ?? SCHEMA_VERSION],
    ['created_at', meta.createdAt ?? '2025-03-01T10:00:00.000Z'],
    ['mode', meta.mode ?? 'real'],
    ['reference_date', meta.referenceDate ?? '2025-01-01'],
    ['ambiti_example', String(meta.ambitiExample ?? false)],
    ['ambiti_note', meta.ambitiNote?.it],
    ['ambiti_note_en', meta.ambitiNote?.en],
    ['fingerprint', 'test'],
  ];
  return entries.filter(([, value]) => value !== undefined && value !== null).map(([key, value]) => ({ key, value: value! }));
}
