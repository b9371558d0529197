import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, of, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { NoSnapshotError } from '../errors.js';
import { SnapshotPool } from '../snapshot-pool.js';
import { toArrowStream } from './arrow.js';
import { toCsv } from './csv.js';
import { audienceTag, etagFor, matchesIfNoneMatch } from './etag.js';
import { chooseFormat, MEDIA_TYPES, type Format } from './negotiate.js';
import { SNAPSHOT_DATA, type SnapshotDataOptions } from './snapshot-data.decorator.js';
import type { TableSpec } from './table.js';

/** The one place where answers from the snapshot get their ETag and their format (JSON, CSV, Arrow). */
@Injectable()
export class SnapshotDataInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly snapshots: SnapshotPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.get<SnapshotDataOptions | undefined>(SNAPSHOT_DATA, context.getHandler());
    if (options === undefined) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const format = chooseFormat((request.query as Record<string, unknown>).format, request.headers.accept, options.table !== undefined);
    const snapshot = await this.snapshots.current();
    if (snapshot === null) throw new NoSnapshotError();

    const etag = etagFor(snapshot.id, request.url, format, audienceTag(this.config));
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      this.setCacheHeaders(reply, etag, snapshot.id);
      reply.status(304);
      return of(undefined);
    }
    return next.handle().pipe(
      map((dto: unknown) => {
        // The snapshot may have been switched while the handler ran: label the answer with the one it used.
        const servedId = snapshotIdOf(dto) ?? snapshot.id;
        this.setCacheHeaders(reply, servedId === snapshot.id ? etag : etagFor(servedId, request.url, format, audienceTag(this.config)), servedId);
        return format === 'json' ? dto : this.asFile(dto, format, options.table!, servedId, reply);
      }),
    );
  }

  private setCacheHeaders(reply: FastifyReply, etag: string, snapshotId: string): void {
    reply.header('ETag', etag).header('X-Snapshot-Id', snapshotId).header('Vary', 'Accept').header('Cache-Control', 'no-cache');
  }

  private asFile(dto: unknown, format: Exclude<Format, 'json'>, table: TableSpec<unknown, unknown>, snapshotId: string, reply: FastifyReply): string | Buffer {
    const rows = table.rows(dto);
    const columns = typeof table.columns === 'function' ? table.columns(dto) : table.columns;
    const sources = table.sourceIds?.(dto) ?? [];
    const stem = ['osservatorio', ...table.fileName(dto), snapshotId]
      .filter((part) => part !== null && part !== '')
      .join('-')
      .replace(/[^\w.-]+/g, '_');
    reply.header('Content-Disposition', `attachment; filename="${stem}.${format === 'csv' ? 'csv' : 'arrows'}"`);
    if (sources.length > 0) reply.header('X-Sources', sources.map(encodeURIComponent).join(','));
    if (format === 'csv') {
      reply.type(`${MEDIA_TYPES.csv}; charset=utf-8`);
      return toCsv(columns, rows);
    }
    reply.type(MEDIA_TYPES.arrow);
    const metadata = new Map([['snapshot_id', snapshotId], ['sources', sources.join(',')]]);
    const stream = toArrowStream(columns, rows, metadata);
    return Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  }
}

function snapshotIdOf(dto: unknown): string | undefined {
  const id = (dto as { snapshot?: { id?: unknown } } | null)?.snapshot?.id;
  return typeof id === 'string' ? id : undefined;
}
