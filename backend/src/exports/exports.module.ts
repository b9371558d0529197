import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({
  imports: [EngineModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
