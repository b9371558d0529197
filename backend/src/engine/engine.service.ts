import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { EngineDisclosure, type HiddenCells } from './disclosure.js';
import type { EngineIndicator } from './engine-indicator.js';
import { indicatorValue, type IndicatorValue } from './indicator-value.js';
import { GROUP_CODE, SumsRepository, type PeerSpreadQuery, type PeerSpreadRow, type SumsQuery } from './sums.repository.js';

/**
 * The service layer every analytics endpoint uses: one query for all the sums it needs, then each cell's
 * value, intervals, small-number flag and disclosure control.
 */
@Injectable()
export class EngineService {
  constructor(
    private readonly sums: SumsRepository,
    private readonly disclosure: EngineDisclosure,
  ) {}

  async values(snapshot: SnapshotReader, query: SumsQuery, indicators: ReadonlyMap<string, EngineIndicator>): Promise<IndicatorValue[]> {
    const rows = await this.sums.sums(snapshot, query);
    const patterns = await this.patterns(snapshot, query);
    const members = query.group?.comuni;
    return rows.map((row) => {
      const hidden = patterns.get(`${row.indicator_code}|${row.year}`)!.hidden({ code: row.code, ...(row.level === 'group' && members ? { members } : {}) });
      return indicatorValue(row, indicators.get(row.indicator_code)!, hidden);
    });
  }

  /** The spread of the peers' values per pair, in the order of `query.pairs` (null where no peer has a value). */
  async peerSpread(snapshot: SnapshotReader, query: Omit<PeerSpreadQuery, 'hideBelow'>): Promise<(Omit<PeerSpreadRow, 'pair'> | null)[]> {
    const rows = await this.sums.peerSpread(snapshot, { ...query, hideBelow: this.disclosure.peerHideBelow() });
    const byPair = new Map(rows.map(({ pair, ...spread }) => [pair, spread]));
    return query.pairs.map((_, i) => byPair.get(i + 1) ?? null);
  }

  etagTag(): string {
    return this.disclosure.etagTag();
  }

  async patterns(snapshot: SnapshotReader, query: Pick<SumsQuery, 'pairs'>): Promise<Map<string, HiddenCells>> {
    const patterns = new Map<string, HiddenCells>();
    for (const { indicator, year } of query.pairs) patterns.set(`${indicator}|${year}`, await this.disclosure.pattern(snapshot, indicator, year));
    return patterns;
  }
}

export { GROUP_CODE };
