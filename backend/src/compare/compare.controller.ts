import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { CompareQuerySchema, type CompareQuery } from './compare.params.js';
import { compareTable, CompareResponseDto } from './compare.dto.js';
import { CompareService } from './compare.service.js';

@ApiTags('compare')
@Controller('api/compare')
export class CompareController {
  constructor(private readonly service: CompareService) {}

  @Get()
  @ApiOperation({ summary: 'Several territories side by side, for some or every indicator' })
  @ApiQuery({ name: 'territories', required: true, type: String, example: '018110,019036', description: 'Up to 50 territory codes, of any level' })
  @ApiQuery({ name: 'indicators', required: false, type: String, description: 'Indicator codes; default every indicator' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: 'Default: each indicator in its latest year' })
  @ApiQuery({ name: 'benchmark', required: false, type: String, description: "ambito, provincia, regione (each territory's own), italia or a territory code; default none" })
  @ApiOkResponse({ type: CompareResponseDto })
  @ApiBadRequestResponse({ description: 'Missing or bad territories, indicators, year or benchmark' })
  @ApiNotFoundResponse({ description: 'Unknown territory or indicator' })
  @SnapshotData(compareTable)
  get(@Query(new ZodQueryPipe(CompareQuerySchema)) query: CompareQuery): Promise<CompareResponseDto> {
    return this.service.compare(query);
  }
}
