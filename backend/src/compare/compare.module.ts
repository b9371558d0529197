import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { CompareController } from './compare.controller.js';
import { CompareService } from './compare.service.js';

@Module({
  imports: [EngineModule],
  controllers: [CompareController],
  providers: [CompareService],
})
export class CompareModule {}
