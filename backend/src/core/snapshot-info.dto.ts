import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTextDto } from './localized-text.dto.js';

/** The published snapshot an answer was computed from (from its snapshot_meta table). */
export class SnapshotInfoDto {
  @ApiProperty({ example: '20250301T101500000Z-1a2b3c4d' })
  id: string;

  @ApiProperty({ description: 'When the ETL built the snapshot (ISO 8601)' })
  createdAt: string;

  @ApiProperty({ enum: ['real', 'demo'], description: 'demo: generated data, never real' })
  mode: 'real' | 'demo';

  @ApiProperty({ description: 'Territories (comuni, ambiti) are as of this date', example: '2025-01-01' })
  referenceDate: string;

  @ApiProperty({ description: 'The ambiti are an example configuration, not the real district agreement' })
  ambitiExample: boolean;

  @ApiProperty({ type: LocalizedTextDto, nullable: true, description: 'What the Ambiti configuration says of itself' })
  ambitiNote: LocalizedTextDto | null;
}

export type SnapshotInfo = SnapshotInfoDto;
