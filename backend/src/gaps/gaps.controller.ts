import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { GapsQuerySchema, type GapsQuery } from './gaps.params.js';
import { gapsTable, GapsResponseDto } from './gaps.dto.js';
import { GapsService } from './gaps.service.js';

@ApiTags('gaps')
@Controller('api/gaps')
export class GapsController {
  constructor(private readonly service: GapsService) {}

  @Get()
  @ApiOperation({ summary: "For a supply indicator with a target, the shortfall in units per comune or Ambito (e.g. nursery places missing to reach 33 per 100 children 0-2)" })
  @ApiQuery({ name: 'indicator', required: true, type: String, example: 'SUP01' })
  @ApiQuery({ name: 'level', required: false, enum: ['comune', 'ambito'], description: 'Default comune' })
  @ApiQuery({ name: 'parent', required: false, type: String, example: '018' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: "Default: the indicator's latest year" })
  @ApiOkResponse({ type: GapsResponseDto })
  @ApiBadRequestResponse({ description: 'Missing indicator, one without a target, or bad level, parent or year' })
  @ApiNotFoundResponse({ description: 'Unknown indicator or parent' })
  @SnapshotData(gapsTable)
  get(@Query(new ZodQueryPipe(GapsQuerySchema)) query: GapsQuery): Promise<GapsResponseDto> {
    return this.service.gaps(query);
  }
}
