import 'reflect-metadata';
import fastifyStatic from '@fastify/static';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { SystemClock, type Clock } from './core/clock.js';
import { registerCompression } from './core/http/compression.js';
import { registerSecurityHeaders } from './core/http/security-headers.js';
import { buildOpenApiDocument } from './openapi.js';

export interface CreateAppOptions {
  /** Tests pass a clock they can move. */
  readonly clock?: Clock;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/** The API, initialised (migrations run, snapshot opened) but not listening: call `listen(port, host)`. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock ?? new SystemClock()), new FastifyAdapter(), {
    logger: options.logger ?? ['log', 'warn', 'error'],
    abortOnError: false,
  });
  // Before any route: their hooks apply to every answer, errors and /api/docs included.
  await registerSecurityHeaders(app);
  await registerCompression(app);
  // Only adds reply.sendFile; FrontendController decides what to send.
  await app.register(fastifyStatic, { root: config.frontendDir, serve: false });
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
