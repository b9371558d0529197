import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SnapshotServed } from './snapshot-served.entity.js';
import { SnapshotsController } from './snapshots.controller.js';
import { SnapshotsRepository } from './snapshots.repository.js';
import { SnapshotsService } from './snapshots.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SnapshotServed])],
  controllers: [SnapshotsController],
  providers: [SnapshotsService, SnapshotsRepository],
})
export class SnapshotsModule {}
