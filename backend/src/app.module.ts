import { Module, type DynamicModule } from '@nestjs/common';
import { AppDbModule } from './app-db/app-db.module.js';
import { BoundariesModule } from './boundaries/boundaries.module.js';
import type { AppConfig } from './config/config.js';
import type { Clock } from './core/clock.js';
import { CoreModule } from './core/core.module.js';
import { CompareModule } from './compare/compare.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { DisclosureModule } from './disclosure/disclosure.module.js';
import { FrontendModule } from './frontend/frontend.module.js';
import { GapsModule } from './gaps/gaps.module.js';
import { HealthModule } from './health/health.module.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { ProfilesModule } from './profiles/profiles.module.js';
import { ProvenanceModule } from './provenance/provenance.module.js';
import { QualityModule } from './quality/quality.module.js';
import { SnapshotsModule } from './snapshots/snapshots.module.js';
import { TerritoriesModule } from './territories/territories.module.js';
import { ValuesModule } from './values/values.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        AppDbModule,
        HealthModule,
        SnapshotsModule,
        TerritoriesModule,
        IndicatorsModule,
        DisclosureModule,
        ValuesModule,
        ProfilesModule,
        CompareModule,
        GapsModule,
        ExportsModule,
        QualityModule,
        ProvenanceModule,
        BoundariesModule,
        FrontendModule,
      ],
    };
  }
}
