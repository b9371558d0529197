import { Column, Entity, PrimaryGeneratedColumn, Unique, type ValueTransformer } from 'typeorm';

// Stored as an ISO 8601 UTC string: the same column type and the same instant on SQLite and PostgreSQL,
// whatever the server's time zone.
const isoInstant: ValueTransformer = {
  to: (value: Date | undefined) => value?.toISOString(),
  from: (value: string | null) => (value === null ? null : new Date(value)),
};

/** A snapshot the API has served, recorded the first time it served it. */
@Entity({ name: 'snapshot_served' })
@Unique('uq_snapshot_served_snapshot_id', ['snapshotId'])
export class SnapshotServed {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'snapshot_id', type: 'varchar', length: 200 })
  snapshotId: string;

  @Column({ type: 'varchar', length: 10 })
  mode: 'real' | 'demo';

  @Column({ name: 'first_served_at', type: 'varchar', length: 30, transformer: isoInstant })
  firstServedAt: Date;

  @Column({ name: 'source_count', type: 'integer' })
  sourceCount: number;
}
