/**
 * The engine's one door to disclosure control (backend/src/disclosure): the audience of the request and,
 * for each indicator and year, which parts of which territories (or of a group of comuni) are hidden.
 */
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { DisclosureService } from '../disclosure/disclosure.service.js';
import { groupHiddenParts, hiddenParts, type HiddenParts } from '../disclosure/mask-row.js';

export type { HiddenParts };

export interface HiddenCells {
  /** The hidden parts of territory `code`, or of the group of the comuni `members`. */
  hidden(cell: { code: string; members?: readonly string[] }): HiddenParts;
}

@Injectable()
export class EngineDisclosure {
  constructor(
    private readonly disclosure: DisclosureService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What an ETag varies with besides the snapshot. */
  etagTag(): string {
    return this.disclosure.etagTag();
  }

  /** Peers with a count from 1 to this − 1 are left out of a spread (its min or max would show the count). */
  peerHideBelow(): number {
    return this.disclosure.audience() === 'office' ? 0 : this.config.suppressionThreshold;
  }

  async pattern(snapshot: SnapshotReader, indicator: string, year: number): Promise<HiddenCells> {
    const pattern = await this.disclosure.pattern(snapshot, indicator, year, this.disclosure.audience());
    return { hidden: ({ code, members }) => (members ? groupHiddenParts(pattern, members) : hiddenParts(pattern, code)) };
  }
}
