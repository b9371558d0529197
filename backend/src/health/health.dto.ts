import { ApiProperty } from '@nestjs/swagger';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: SnapshotInfoDto, nullable: true, description: 'null: nothing published yet' })
  snapshot: SnapshotInfoDto | null;

  @ApiProperty({ enum: ['sqlite', 'postgres'] })
  database: 'sqlite' | 'postgres';
}
