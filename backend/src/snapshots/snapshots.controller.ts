import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SnapshotsServedResponseDto } from './snapshots.dto.js';
import { SnapshotsService } from './snapshots.service.js';

@ApiTags('snapshots')
@Controller('api/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get('served')
  @ApiOperation({ summary: 'The snapshots this API has served, newest first' })
  @ApiOkResponse({ type: SnapshotsServedResponseDto })
  served(): Promise<SnapshotsServedResponseDto> {
    return this.snapshots.listServed();
  }
}
