import { ApiProperty } from '@nestjs/swagger';

export class SnapshotServedDto {
  @ApiProperty({ example: '20250301T101500000Z-1a2b3c4d' })
  snapshotId: string;

  @ApiProperty({ enum: ['real', 'demo'] })
  mode: 'real' | 'demo';

  @ApiProperty({ description: 'When this API first served it (ISO 8601)' })
  firstServedAt: string;

  @ApiProperty({ description: 'Sources in the snapshot' })
  sourceCount: number;
}

export class SnapshotsServedResponseDto {
  @ApiProperty({ type: [SnapshotServedDto], description: 'Newest first' })
  rows: SnapshotServedDto[];
}
