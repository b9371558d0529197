import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from './clock.js';
import { DomainExceptionFilter } from './exception.filter.js';
import { SnapshotDataInterceptor } from './http/snapshot-data.interceptor.js';
import { SnapshotPool } from './snapshot-pool.js';

/** Providers every module shares: the configuration, the clock, the snapshot pool; and the HTTP error and format handling. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        SnapshotPool,
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: SnapshotDataInterceptor },
      ],
      exports: [APP_CONFIG, Clock, SnapshotPool],
    };
  }
}
