import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoSnapshotError } from '../core/errors.js';
import { audienceTag, etagFor, matchesIfNoneMatch } from '../core/http/etag.js';
import { chooseFormat, MEDIA_TYPES } from '../core/http/negotiate.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { TERRITORY_LEVELS } from '../territories/territory-levels.js';
import { ZodQueryPipe } from '../core/param-schemas.js';
import { ExportQuerySchema, type ExportQuery } from './exports.params.js';
import { ExportsService } from './exports.service.js';

@ApiTags('exports')
@Controller('api/export')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly snapshots: SnapshotPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('values')
  @ApiOperation({ summary: 'Every territory of a level × indicator × year, streamed (millions of rows): JSON, CSV (Italian dialect) or an Arrow IPC stream' })
  @ApiQuery({ name: 'level', required: false, enum: TERRITORY_LEVELS, description: 'Default comune' })
  @ApiQuery({ name: 'parent', required: false, type: String })
  @ApiQuery({ name: 'years', required: false, type: String, description: 'A range (2019-2023) or a list; default every year' })
  @ApiQuery({ name: 'indicators', required: false, type: String, description: 'Indicator codes; default every indicator' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'arrow'], description: 'Overrides the Accept header' })
  @ApiProduces(MEDIA_TYPES.json, MEDIA_TYPES.csv, MEDIA_TYPES.arrow)
  @ApiOkResponse({ description: 'JSON {snapshot, level, parent, sources, rows: [...]}, or the same rows as CSV or Arrow' })
  @ApiResponse({ status: 304, description: 'Not modified: same snapshot' })
  @ApiBadRequestResponse({ description: 'Bad level, parent, years, indicators or format' })
  @ApiNotFoundResponse({ description: 'Unknown indicator or parent' })
  async values(@Query(new ZodQueryPipe(ExportQuerySchema)) query: ExportQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const format = chooseFormat((request.query as { format?: unknown }).format, request.headers.accept, true);
    const current = await this.snapshots.current();
    if (current === null) throw new NoSnapshotError();
    const cached = etagFor(current.id, request.url, format, audienceTag(this.config));
    if (matchesIfNoneMatch(request.headers['if-none-match'], cached)) {
      await reply.status(304).header('ETag', cached).header('X-Snapshot-Id', current.id).header('Cache-Control', 'no-cache').send();
      return;
    }
    const started = await this.exports.start(query, format);
    reply
      .header('ETag', etagFor(started.snapshot.id, request.url, format, audienceTag(this.config)))
      .header('X-Snapshot-Id', started.snapshot.id)
      .header('Vary', 'Accept')
      .header('Cache-Control', 'no-cache')
      .type(format === 'arrow' ? MEDIA_TYPES.arrow : `${MEDIA_TYPES[format]}; charset=utf-8`);
    if (format !== 'json') reply.header('Content-Disposition', `attachment; filename="${started.fileStem.replace(/[^\w.-]+/g, '_')}.${format === 'csv' ? 'csv' : 'arrows'}"`);
    if (started.sourceIds.length > 0) reply.header('X-Sources', started.sourceIds.map(encodeURIComponent).join(','));
    request.raw.once('close', () => started.body.destroy());
    await reply.send(started.body);
  }
}
