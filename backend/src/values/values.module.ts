import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { TerritoriesModule } from '../territories/territories.module.js';
import { ValuesController } from './values.controller.js';
import { ValuesRepository } from './values.repository.js';
import { ValuesService } from './values.service.js';

@Module({
  imports: [IndicatorsModule, TerritoriesModule],
  controllers: [ValuesController],
  providers: [ValuesService, ValuesRepository],
})
export class ValuesModule {}
