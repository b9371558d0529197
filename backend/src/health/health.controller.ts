import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { chooseLanguage, type Text } from '../core/i18n/language.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { HealthDto } from './health.dto.js';

const NONE_PUBLISHED: Text = { it: 'Nessuno snapshot ancora pubblicato: eseguire npm run etl -- load', en: 'No snapshot published yet: run npm run etl -- load' };
const unreadable = (detail: string): Text => ({
  it: `Lo snapshot indicato non si può leggere (${detail}): eseguire npm run etl -- status, poi npm run etl -- rollback o un nuovo load`,
  en: `The snapshot named cannot be read (${detail}): run npm run etl -- status, then npm run etl -- rollback or a new load`,
});

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly snapshots: SnapshotPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Whether the API can answer: the snapshot being served (200), or why none is (503); and the kind of app database' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'No snapshot is served: none was published, or the one named cannot be read' })
  async get(@Headers('accept-language') acceptLanguage: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const state = await this.snapshots.state();
    const database = this.config.database.type;
    if (state.serving !== null) return { status: 'ok', snapshot: state.serving, reason: null, message: null, database };
    const language = chooseLanguage(acceptLanguage);
    const text = state.reason === 'no-snapshot-published' ? NONE_PUBLISHED : unreadable(state.detail);
    reply.status(503).header('Content-Language', language).header('Vary', 'Accept-Language');
    return { status: 'unavailable', snapshot: null, reason: state.reason, message: text[language], database };
  }
}
