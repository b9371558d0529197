import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { GapsController } from './gaps.controller.js';
import { GapsService } from './gaps.service.js';

@Module({
  imports: [EngineModule, IndicatorsModule],
  controllers: [GapsController],
  providers: [GapsService],
})
export class GapsModule {}
