import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../core/clock.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import type { SnapshotsServedResponseDto } from './snapshots.dto.js';
import { SnapshotsRepository } from './snapshots.repository.js';

/** Keeps, in the app database, the history of the snapshots this API has served. */
@Injectable()
export class SnapshotsService implements OnModuleInit {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly served: SnapshotsRepository,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.snapshots.onServed(({ info, sourceCount }) =>
      this.served.recordFirstServed({ snapshotId: info.id, mode: info.mode, firstServedAt: this.clock.now(), sourceCount }),
    );
  }

  async listServed(): Promise<SnapshotsServedResponseDto> {
    const rows = await this.served.listNewestFirst();
    return {
      rows: rows.map((r) => ({ snapshotId: r.snapshotId, mode: r.mode, firstServedAt: r.firstServedAt.toISOString(), sourceCount: r.sourceCount })),
    };
  }
}
