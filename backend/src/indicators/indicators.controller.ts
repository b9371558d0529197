import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../core/error.dto.js';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { param, ZodParamPipe } from '../core/param-schemas.js';
import { IndicatorDto, indicatorsTable, IndicatorsResponseDto, indicatorTable } from './indicators.dto.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('indicators')
@Controller('api/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @ApiOperation({ summary: 'The indicator catalogue, with the years each has values for and whether it is available; searchable' })
  @ApiQuery({ name: 'q', required: false, type: String, description: 'Words to search for in the code, name, area and definition, in Italian or English, whatever the case and accents; the matches come best first (code and name hits before the rest)', example: 'disabilita' })
  @ApiQuery({ name: 'area', required: false, type: String, description: 'Only the indicators of this area of intervention (its code)', example: 'anziani' })
  @ApiOkResponse({ type: IndicatorsResponseDto })
  @ApiBadRequestResponse({ description: 'A q without letters or digits, or too long; an unknown area (the message lists the known ones)' })
  @SnapshotData(indicatorsTable)
  list(@Query('q') q?: unknown, @Query('area') area?: unknown): Promise<IndicatorsResponseDto> {
    return this.indicators.list({ q, area });
  }

  @Get(':code')
  @ApiOperation({ summary: 'One indicator of the catalogue' })
  @ApiParam({ name: 'code', example: 'DEM_POP' })
  @ApiOkResponse({ type: IndicatorDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Not an indicator code' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Unknown code; the message lists the known ones' })
  @SnapshotData(indicatorTable)
  get(@Param('code', new ZodParamPipe(param.indicatorCode().required('DEM_POP'))) code: string): Promise<IndicatorDto> {
    return this.indicators.get(code);
  }
}
