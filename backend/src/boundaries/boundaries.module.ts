import { Module } from '@nestjs/common';
import { BoundariesController } from './boundaries.controller.js';
import { BoundariesRepository } from './boundaries.repository.js';
import { BoundariesService } from './boundaries.service.js';

@Module({
  controllers: [BoundariesController],
  providers: [BoundariesService, BoundariesRepository],
})
export class BoundariesModule {}
