import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { TERRITORY_LEVELS } from '../territories/territory-levels.js';
import { valuesTable, ValuesResponseDto } from './values.dto.js';
import { ValuesService } from './values.service.js';

@ApiTags('indicators')
@Controller('api/indicators')
export class ValuesController {
  constructor(private readonly values: ValuesService) {}

  @Get(':code/values')
  @ApiOperation({ summary: "An indicator's values for every territory of a level inside a parent, with the parent as benchmark" })
  @ApiParam({ name: 'code', example: 'DEM_POP' })
  @ApiQuery({ name: 'level', required: false, enum: TERRITORY_LEVELS, description: 'Default comune' })
  @ApiQuery({ name: 'parent', required: false, type: String, description: 'Containing territory, also the benchmark; e.g. 018, or an ambito code for comuni' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: "Default: the indicator's latest year", example: 2024 })
  @ApiOkResponse({ type: ValuesResponseDto })
  @ApiBadRequestResponse({ description: 'Bad level, parent or year; the message says what is allowed' })
  @ApiNotFoundResponse({ description: 'Unknown indicator or parent' })
  @SnapshotData(valuesTable)
  get(@Param('code') code: string, @Query('level') level?: unknown, @Query('parent') parent?: unknown, @Query('year') year?: unknown): Promise<ValuesResponseDto> {
    return this.values.list(code, { level, parent, year });
  }
}
