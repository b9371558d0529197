/** The health endpoint's answer: 200 while a snapshot is served, 503 saying why when none is. */
import { ApiProperty } from '@nestjs/swagger';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';

export const UNAVAILABLE_REASONS = ['no-snapshot-published', 'snapshot-unreadable'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';

  @ApiProperty({ type: SnapshotInfoDto, nullable: true, description: 'null: no snapshot is served (503)' })
  snapshot: SnapshotInfoDto | null;

  @ApiProperty({ enum: UNAVAILABLE_REASONS, nullable: true, description: 'Why no snapshot is served; null when one is' })
  reason: UnavailableReason | null;

  @ApiProperty({ type: String, nullable: true, description: 'What to do about it, in Italian or English by Accept-Language; null when a snapshot is served' })
  message: string | null;

  @ApiProperty({ enum: ['sqlite', 'postgres'] })
  database: 'sqlite' | 'postgres';
}
