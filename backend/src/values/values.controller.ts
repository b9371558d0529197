import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { TERRITORY_LEVELS } from '../territories/territory-levels.js';
import { TrendResponseDto, trendTable } from './trend.dto.js';
import { TrendService } from './trend.service.js';
import { valuesTable, ValuesResponseDto } from './values.dto.js';
import { TrendQuerySchema, ValuesQuerySchema, type TrendQuery, type ValuesQuery } from './values.params.js';
import { ValuesService } from './values.service.js';

const BENCHMARK_DESCRIPTION = "ambito, provincia or regione (each row's own), italia, group (the group parameter) or a territory code";

@ApiTags('indicators')
@Controller('api/indicators')
export class ValuesController {
  constructor(
    private readonly values: ValuesService,
    private readonly trend: TrendService,
  ) {}

  @Get(':code/values')
  @ApiOperation({ summary: "An indicator's values for every territory of a level inside a parent, with intervals, the comparison with a benchmark and the small-number flag" })
  @ApiParam({ name: 'code', example: 'DEM_POP' })
  @ApiQuery({ name: 'level', required: false, enum: TERRITORY_LEVELS, description: 'Default comune' })
  @ApiQuery({ name: 'parent', required: false, type: String, description: 'Containing territory, also the benchmark by default; e.g. 018, or an ambito code for comuni' })
  @ApiQuery({ name: 'year', required: false, type: Number, description: "Default: the indicator's latest year", example: 2024 })
  @ApiQuery({ name: 'years', required: false, type: String, description: 'Several years instead of one: a range (2019-2023) or a list (2019,2021)' })
  @ApiQuery({ name: 'benchmark', required: false, type: String, description: BENCHMARK_DESCRIPTION })
  @ApiQuery({ name: 'group', required: false, type: String, description: 'A group of comuni summed as one row (code "group"), e.g. 018110,018026' })
  @ApiQuery({ name: 'classify', required: false, enum: ['quintiles'], description: 'Adds the quintile of each row among the rows of its year' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: 'At most 10000 (a larger limit is capped)' })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiOkResponse({ type: ValuesResponseDto })
  @ApiBadRequestResponse({ description: 'Bad level, parent, year(s), benchmark, group, classify, limit or offset; the message says what is allowed' })
  @ApiNotFoundResponse({ description: 'Unknown indicator or territory' })
  @SnapshotData(valuesTable)
  get(@Param('code') code: string, @Query(new ZodQueryPipe(ValuesQuerySchema)) query: ValuesQuery): Promise<ValuesResponseDto> {
    return this.values.list(code, query);
  }

  @Get(':code/trend')
  @ApiOperation({ summary: "An indicator's series for one territory, every year, with the trend test of the last five points" })
  @ApiParam({ name: 'code', example: 'DEM_POP' })
  @ApiQuery({ name: 'territory', required: true, type: String, example: '018110' })
  @ApiQuery({ name: 'benchmark', required: false, type: String, description: `${BENCHMARK_DESCRIPTION}; default none` })
  @ApiOkResponse({ type: TrendResponseDto })
  @ApiBadRequestResponse({ description: 'Missing or bad territory or benchmark' })
  @ApiNotFoundResponse({ description: 'Unknown indicator or territory' })
  @SnapshotData(trendTable)
  getTrend(@Param('code') code: string, @Query(new ZodQueryPipe(TrendQuerySchema)) query: TrendQuery): Promise<TrendResponseDto> {
    return this.trend.get(code, query);
  }
}
