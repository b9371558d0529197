import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { territoriesTable, TerritoriesResponseDto } from './territories.dto.js';
import { SEARCH_LIMIT, TerritoriesService } from './territories.service.js';
import { TERRITORY_LEVELS } from './territory-levels.js';

@ApiTags('territories')
@Controller('api/territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Territories by level, inside a parent (a comune parent may be its ambito, provincia or regione)' })
  @ApiQuery({ name: 'level', required: false, enum: TERRITORY_LEVELS, description: 'Every level when absent' })
  @ApiQuery({ name: 'parent', required: false, type: String, description: 'Code of the containing territory, e.g. 018' })
  @ApiQuery({
    name: 'q',
    required: false,
    type: String,
    description: `Search: territories whose name, or a comune's former name, contains this text (2 to 60 characters), ignoring case and accents; at most ${SEARCH_LIMIT}, names that start with it first`,
  })
  @ApiOkResponse({ type: TerritoriesResponseDto })
  @SnapshotData(territoriesTable)
  list(@Query('level') level?: unknown, @Query('parent') parent?: unknown, @Query('q') q?: unknown): Promise<TerritoriesResponseDto> {
    return this.territories.list({ level, parent, q });
  }
}
