import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../core/error.dto.js';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { ProvenanceQuerySchema, type ProvenanceQuery } from './provenance.params.js';
import { ProvenanceResponseDto } from './provenance.dto.js';
import { ProvenanceService } from './provenance.service.js';

@ApiTags('provenance')
@Controller('api/provenance')
export class ProvenanceController {
  constructor(private readonly provenance: ProvenanceService) {}

  @Get()
  @ApiOperation({ summary: "Where one indicator value comes from: its terms, and for each the sources, files, load run and codes as published (a merger's old codes) summed into it" })
  @ApiQuery({ name: 'indicator', required: true, type: String, example: 'DEM_POP' })
  @ApiQuery({ name: 'territory', required: true, type: String, description: 'A territory of any level: comune, ambito, provincia, regione or IT', example: '018193' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: "Default: the indicator's latest year", example: 2018 })
  @ApiOkResponse({ type: ProvenanceResponseDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Missing indicator or territory, or a bad year; the body names the parameter and what it allows' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Unknown indicator or territory' })
  @SnapshotData()
  get(@Query(new ZodQueryPipe(ProvenanceQuerySchema)) query: ProvenanceQuery): Promise<ProvenanceResponseDto> {
    return this.provenance.get(query);
  }
}
