import { Module } from '@nestjs/common';
import { DisclosureModule } from '../disclosure/disclosure.module.js';
import { EngineDisclosure } from './disclosure.js';
import { EngineService } from './engine.service.js';
import { SnapshotLookups } from './snapshot-lookups.js';
import { SumsRepository } from './sums.repository.js';

/** The indicator engine: the one sums query, the value and statistics of each cell, and snapshot lookups. */
@Module({
  imports: [DisclosureModule],
  providers: [EngineService, SumsRepository, EngineDisclosure, SnapshotLookups],
  exports: [EngineService, SumsRepository, SnapshotLookups],
})
export class EngineModule {}
