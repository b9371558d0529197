import { SCHEMA_VERSION } from '@osservatorio/etl/contract';
import type { SnapshotInfo } from './snapshot-info.dto.js';

/** A row of sql/snapshot-meta.sql. */
export interface SnapshotMetaRow {
  snapshot_id: string | null;
  schema_version: string | null;
  created_at: string | null;
  mode: string | null;
  reference_date: string | null;
  ambiti_example: string | null;
  ambiti_note: string | null;
  ambiti_note_en: string | null;
  source_count: number;
}

export class UnusableSnapshotError extends Error {
  override readonly name = 'UnusableSnapshotError';
}

/** Checks what the API relies on; a snapshot that fails is never served. */
export function snapshotInfoFromMeta(row: SnapshotMetaRow): SnapshotInfo {
  const problems: string[] = [];
  if (row.schema_version !== SCHEMA_VERSION) problems.push(`schema_version is ${row.schema_version ?? 'missing'}, this API reads version ${SCHEMA_VERSION}`);
  if (!row.snapshot_id) problems.push('snapshot_id is missing');
  if (!row.created_at) problems.push('created_at is missing');
  if (row.mode !== 'real' && row.mode !== 'demo') problems.push(`mode is ${row.mode ?? 'missing'}, expected real or demo`);
  if (!row.reference_date || !/^\d{4}-\d{2}-\d{2}$/.test(row.reference_date)) problems.push(`reference_date is ${row.reference_date ?? 'missing'}, expected YYYY-MM-DD`);
  if (row.ambiti_example !== null && row.ambiti_example !== 'true' && row.ambiti_example !== 'false') problems.push(`ambiti_example is ${row.ambiti_example}, expected true or false`);
  if (problems.length > 0) throw new UnusableSnapshotError(problems.join('; '));
  return {
    id: row.snapshot_id!,
    createdAt: row.created_at!,
    mode: row.mode as 'real' | 'demo',
    referenceDate: row.reference_date!,
    ambitiExample: row.ambiti_example === 'true',
    ambitiNote: row.ambiti_note ? { it: row.ambiti_note, en: row.ambiti_note_en || row.ambiti_note } : null,
  };
}
