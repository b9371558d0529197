import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../core/error.dto.js';
import { SnapshotData } from '../core/http/snapshot-data.decorator.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { qualityTable, QualityResponseDto } from './quality.dto.js';
import { QUALITY_RULES, SEVERITIES } from './quality-rules.js';
import { DEFAULT_LIMIT, MAX_LIMIT, QualityQuerySchema, type QualityQuery } from './quality.params.js';
import { QualityService } from './quality.service.js';

@ApiTags('quality')
@Controller('api/quality')
export class QualityController {
  constructor(private readonly quality: QualityService) {}

  @Get()
  @ApiOperation({ summary: "The snapshot's data-quality issues (warnings and infos the load published), most severe first, with counts per severity and per rule" })
  @ApiQuery({ name: 'severity', required: false, enum: SEVERITIES })
  @ApiQuery({ name: 'rule', required: false, enum: QUALITY_RULES })
  @ApiQuery({ name: 'territory', required: false, type: String, description: 'Issues on this territory or on any territory inside it, e.g. 018 or 018110' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `Rows per page; default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT} (larger values are cut to ${MAX_LIMIT})` })
  @ApiQuery({ name: 'offset', required: false, type: Number, description: 'Rows to skip; default 0' })
  @ApiOkResponse({ type: QualityResponseDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'Bad severity, rule, territory, limit or offset; the body names the parameter and what it allows' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Unknown territory' })
  @SnapshotData(qualityTable)
  list(@Query(new ZodQueryPipe(QualityQuerySchema)) query: QualityQuery): Promise<QualityResponseDto> {
    return this.quality.list(query);
  }
}
