import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { TrendService } from './trend.service.js';
import { ValuesController } from './values.controller.js';
import { ValuesService } from './values.service.js';

@Module({
  imports: [IndicatorsModule, EngineModule],
  controllers: [ValuesController],
  providers: [ValuesService, TrendService],
})
export class ValuesModule {}
