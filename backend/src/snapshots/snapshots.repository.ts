import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SnapshotServed } from './snapshot-served.entity.js';

@Injectable()
export class SnapshotsRepository {
  constructor(@InjectRepository(SnapshotServed) private readonly served: Repository<SnapshotServed>) {}

  /** Keeps the first record of a snapshot: later calls for the same snapshot change nothing. */
  async recordFirstServed(record: Omit<SnapshotServed, 'id'>): Promise<void> {
    await this.served.createQueryBuilder().insert().values(record).orIgnore().execute();
  }

  listNewestFirst(): Promise<SnapshotServed[]> {
    return this.served.find({ order: { firstServedAt: 'DESC', id: 'DESC' } });
  }
}
