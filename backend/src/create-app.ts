import 'reflect-metadata';
import fastifyStatic from '@fastify/static';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { SystemClock, type Clock } from './core/clock.js';

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
  // Only adds reply.sendFile; FrontendController decides what to send.
  await app.register(fastifyStatic, { root: config.frontendDir, serve: false });
  const openApi = new DocumentBuilder()
    .setTitle('Osservatorio API')
    .setDescription(
      'Needs and services indicators for social-welfare planning (Piano di Zona). Data endpoints answer JSON, ' +
        'CSV (Accept: text/csv or ?format=csv) or Arrow IPC (Accept: application/vnd.apache.arrow.stream or ?format=arrow), ' +
        'with an ETag tied to the snapshot. Errors are {statusCode, error, message}.',
    )
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
