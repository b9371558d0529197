import { Module } from '@nestjs/common';
import { TerritoriesModule } from '../territories/territories.module.js';
import { QualityController } from './quality.controller.js';
import { QualityRepository } from './quality.repository.js';
import { QualityService } from './quality.service.js';

@Module({
  imports: [TerritoriesModule],
  controllers: [QualityController],
  providers: [QualityService, QualityRepository],
})
export class QualityModule {}
