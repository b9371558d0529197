import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { TerritoriesModule } from '../territories/territories.module.js';
import { ProvenanceController } from './provenance.controller.js';
import { ProvenanceRepository } from './provenance.repository.js';
import { ProvenanceService } from './provenance.service.js';

@Module({
  imports: [IndicatorsModule, TerritoriesModule],
  controllers: [ProvenanceController],
  providers: [ProvenanceService, ProvenanceRepository],
})
export class ProvenanceModule {}
