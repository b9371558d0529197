/**
 * The engine's one door to disclosure control. PROVISIONAL until backend/src/disclosure lands on main
 * (DisclosureService.pattern(snapshot, indicator, year, audience) → isHidden): until then only primary
 * suppression, a count from 1 to PROVISIONAL_THRESHOLD − 1 hidden, for every audience.
 */
import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';

export interface HiddenCells {
  /** Whether the count of `code` (a territory, or a group of the comuni `members`) must not be shown. */
  isHidden(cell: { code: string; numerator: number | null; members?: readonly string[] }): boolean;
}

const PROVISIONAL_THRESHOLD = 5;

@Injectable()
export class EngineDisclosure {
  /** The audience answers are for, part of every ETag once disclosure lands. */
  audience(): string {
    return 'public';
  }

  /** Peers with a count from 1 to this − 1 are left out of a spread (its min or max would show the count). */
  peerHideBelow(): number {
    return PROVISIONAL_THRESHOLD;
  }

  async pattern(_snapshot: SnapshotReader, _indicator: string, _year: number): Promise<HiddenCells> {
    return { isHidden: ({ numerator }) => numerator !== null && numerator > 0 && numerator < PROVISIONAL_THRESHOLD };
  }
}
