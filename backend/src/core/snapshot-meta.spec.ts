import { SCHEMA_VERSION } from '@osservatorio/etl/contract';
import { expect, it } from 'vitest';
import { snapshotInfoFromMeta, type SnapshotMetaRow } from './snapshot-meta.js';

const good: SnapshotMetaRow = {
  snapshot_id: 's1',
  schema_version: SCHEMA_VERSION,
  created_at: '2025-03-01T10:00:00.000Z',
  mode: 'demo',
  reference_date: '2025-01-01',
  ambiti_example: 'true',
  ambiti_note: 'Ambiti di esempio',
  ambiti_note_en: 'Example Ambiti',
  source_count: 3,
};

it('reads the snapshot info from snapshot_meta', () => {
  expect(snapshotInfoFromMeta(good)).toEqual({ id: 's1', createdAt: '2025-03-01T10:00:00.000Z', mode: 'demo', referenceDate: '2025-01-01', ambitiExample: true, ambitiNote: { it: 'Ambiti di esempio', en: 'Example Ambiti' } });
  expect(snapshotInfoFromMeta({ ...good, ambiti_example: null, ambiti_note: null, ambiti_note_en: null })).toMatchObject({ ambitiExample: false, ambitiNote: null });
});

it('refuses a snapshot it cannot serve, listing every problem', () => {
  expect(() => snapshotInfoFromMeta({ ...good, schema_version: '1', mode: 'test', reference_date: null })).toThrow(
    `schema_version is 1, this API reads version ${SCHEMA_VERSION}; mode is test, expected real or demo; reference_date is missing, expected YYYY-MM-DD`,
  );
});

it('falls back to the Italian note when the snapshot has no English one', () => {
  expect(snapshotInfoFromMeta({ ...good, ambiti_note_en: null }).ambitiNote).toEqual({ it: 'Ambiti di esempio', en: 'Ambiti di esempio' });
});
