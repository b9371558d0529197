import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { HealthDto } from './health.dto.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly snapshots: SnapshotPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness, the snapshot being served and the kind of app database' })
  @ApiOkResponse({ type: HealthDto })
  async get(): Promise<HealthDto> {
    return { status: 'ok', snapshot: await this.snapshots.current(), database: this.config.database.type };
  }
}
