import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { BoundariesDto } from './boundaries.dto.js';
import { BoundariesService } from './boundaries.service.js';

@ApiTags('boundaries')
@Controller('api/boundaries')
export class BoundariesController {
  constructor(private readonly boundaries: BoundariesService) {}

  @Get(':provinciaCode')
  @ApiOperation({ summary: "The comuni of a provincia as TopoJSON, on today's codes" })
  @ApiParam({ name: 'provinciaCode', example: '018' })
  @ApiOkResponse({ type: BoundariesDto })
  @ApiBadRequestResponse({ description: 'Not a 3-digit provincia code' })
  @ApiNotFoundResponse({ description: 'Not loaded in this snapshot; the body has a downloadUrl' })
  @SnapshotData()
  get(@Param('provinciaCode') provinciaCode: string): Promise<BoundariesDto> {
    return this.boundaries.get(provinciaCode);
  }
}
