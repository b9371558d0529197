import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'The indicator catalogue, with the years each has values for' })
  @ApiOkResponse({ type: IndicatorsResponseDto })
  @SnapshotData(indicatorsTable)
  list(): Promise<IndicatorsResponseDto> {
    return this.indicators.list();
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
