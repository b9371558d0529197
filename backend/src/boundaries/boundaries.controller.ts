import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../core/error.dto.js';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodParamPipe } from '../core/param-schemas.js';
import { ProvinciaCode } from './boundaries.params.js';
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
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Not a 3-digit provincia code' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Not loaded in this snapshot; the body has a downloadUrl' })
  @SnapshotData()
  get(@Param('provinciaCode', new ZodParamPipe(ProvinciaCode)) provinciaCode: string): Promise<BoundariesDto> {
    return this.boundaries.get(provinciaCode);
  }
}
