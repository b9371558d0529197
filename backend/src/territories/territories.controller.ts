import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../core/error.dto.js';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { TerritoriesQuerySchema, type TerritoriesQuery, TERRITORIES_MAX_LIMIT } from './territories.params.js';
import { territoriesTable, TerritoriesResponseDto } from './territories.dto.js';
import { TerritoriesService } from './territories.service.js';
import { TERRITORY_LEVELS } from './territory-levels.js';

@ApiTags('territories')
@Controller('api/territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Territories by level, inside a parent (a comune parent may be its ambito, provincia or regione)' })
  @ApiQuery({ name: 'level', required: false, enum: TERRITORY_LEVELS, description: 'Every level when absent' })
  @ApiQuery({ name: 'parent', required: false, type: String, description: 'Code of the containing territory, e.g. 018' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `Rows per page; default and most ${TERRITORIES_MAX_LIMIT} (larger values are cut to ${TERRITORIES_MAX_LIMIT})` })
  @ApiQuery({ name: 'offset', required: false, type: Number, description: 'Rows to skip; default 0' })
  @ApiOkResponse({ type: TerritoriesResponseDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Bad level, parent, limit or offset; the body names the parameter and what it allows' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Unknown parent' })
  @SnapshotData(territoriesTable)
  list(@Query(new ZodQueryPipe(TerritoriesQuerySchema)) query: TerritoriesQuery): Promise<TerritoriesResponseDto> {
    return this.territories.list(query);
  }
}
