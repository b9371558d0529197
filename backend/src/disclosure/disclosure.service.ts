/**
 * The disclosure contract the value endpoints call: who the answer is for (audience), and which published
 * counts it must hide (the suppression pattern of one indicator and year over the whole hierarchy).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { IndicatorTerm } from '@osservatorio/etl/contract';
import { APP_CONFIG, type AppConfig, type Audience } from '../config/config.js';
import { NotFoundError } from '../core/errors.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { hierarchyCells, type Hierarchy } from './hierarchy.js';
import { PRIMARY, SHOWN, suppress } from './suppression.js';
import { VariableKinds } from './variable-kinds.js';

export type { Audience } from '../config/config.js';
export type Snapshot = SnapshotReader;
export type Part = 'numerator' | 'denominator';
export const PARTS: readonly Part[] = ['numerator', 'denominator'];

/** One published quantity: the numerator or denominator of an indicator in a year for a territory. */
export interface DisclosureCell {
  indicator: string;
  year: number;
  territory: string;
  part: Part;
  value: number;
}

export interface SuppressionPattern {
  readonly indicator: string;
  readonly year: number;
  readonly threshold: number;
  /** Whether the public must not see this part; asking about another indicator or year is a programming error. */
  isHidden(indicator: string, year: number, territory: string, part: Part): boolean;
  /** Hidden cells (territory × part): under the threshold, and hidden to protect those. */
  readonly primary: number;
  readonly secondary: number;
}

/** At most this many snapshots' patterns are kept: the one served and the one being retired. */
const CACHED_SNAPSHOTS = 2;

interface SnapshotCache {
  readonly hierarchy: Promise<Hierarchy>;
  readonly patterns: Map<string, Promise<SuppressionPattern>>;
}

@Injectable()
export class DisclosureService {
  private readonly caches = new Map<string, SnapshotCache>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: DisclosureRepository,
    private readonly kinds: VariableKinds,
  ) {}

  /** The audience of every request, until roles arrive (OSSERVATORIO_AUDIENCE). */
  audience(): Audience {
    return this.config.audience;
  }

  /** What an ETag must vary with besides the snapshot: the audience and, for the public, the threshold. */
  etagTag(audience: Audience = this.audience()): string {
    return audience === 'office' ? 'office' : `public-${this.config.suppressionThreshold}`;
  }

  /**
   * The pattern of one indicator and year over every territory of the snapshot, so every request (any
   * level, parent or group) hides the same cells. Cached per snapshot. The office sees everything.
   */
  pattern(snapshot: Snapshot, indicator: string, year: number, audience: Audience): Promise<SuppressionPattern> {
    const threshold = this.config.suppressionThreshold;
    if (audience === 'office' || threshold === 0) return Promise.resolve(nothingHidden(indicator, year, threshold));
    const cache = this.cacheFor(snapshot);
    const key = `${indicator}|${year}`;
    let pattern = cache.patterns.get(key);
    if (pattern === undefined) {
      pattern = cache.hierarchy.then((hierarchy) => this.compute(snapshot, hierarchy, indicator, year, threshold));
      cache.patterns.set(key, pattern);
      pattern.catch(() => cache.patterns.delete(key));
    }
    return pattern;
  }

  private cacheFor(snapshot: Snapshot): SnapshotCache {
    const id = snapshot.info.id;
    let cache = this.caches.get(id);
    if (cache === undefined) {
      const hierarchy = this.repository.hierarchy(snapshot).then(toHierarchy);
      cache = { hierarchy, patterns: new Map() };
      hierarchy.catch(() => this.caches.delete(id));
      this.caches.set(id, cache);
      while (this.caches.size > CACHED_SNAPSHOTS) this.caches.delete(this.caches.keys().next().value!);
    }
    return cache;
  }

  private async compute(snapshot: Snapshot, hierarchy: Hierarchy, code: string, year: number, threshold: number): Promise<SuppressionPattern> {
    const definition = snapshot.catalogue.find(code)?.definition;
    if (definition === undefined) throw new NotFoundError(`indicator ${code} is not in snapshot ${snapshot.info.id}`);
    // A part is hidden where any count it sums is hidden in that count's own pattern: the same count
    // (residents in year t, say) is then hidden alike in every indicator and year that publishes it, and a
    // part that is a difference (residents in t minus t-1) is never shown beside one of its hidden terms.
    const hidden: Record<Part, Map<string, number>> = { numerator: new Map(), denominator: new Map() };
    for (const part of PARTS) {
      for (const term of definition[part] ?? []) {
        if (!(await this.isCount(snapshot, term))) continue;
        const { variable, sex, age_band: band, lag } = term as Extract<IndicatorTerm, { variable: string }>;
        const rows = await this.repository.termValues(snapshot, { code, year, variable, sex, band, lag });
        const cells = hierarchyCells(hierarchy, new Map(rows.map((r) => [r.code, r.value])));
        const { state } = suppress({ values: cells.values, counts: cells.values.map(() => true), relations: cells.relations, threshold });
        state.forEach((s, i) => {
          if (s === SHOWN) return;
          const territory = cells.codes[i]!;
          if (hidden[part].get(territory) !== PRIMARY) hidden[part].set(territory, s);
        });
      }
    }
    let primary = 0;
    for (const part of PARTS) for (const s of hidden[part].values()) if (s === PRIMARY) primary += 1;
    const secondary = hidden.numerator.size + hidden.denominator.size - primary;
    return {
      indicator: code,
      year,
      threshold,
      primary,
      secondary,
      isHidden: (i, y, territory, part) => {
        checkSame(code, year, i, y);
        return hidden[part].has(territory);
      },
    };
  }

  // Only counts are protected: not euro amounts, not the area of a comune (published anyway).
  private async isCount(snapshot: Snapshot, term: IndicatorTerm): Promise<boolean> {
    if ('attribute' in term) return false;
    return (await this.kinds.kindOf(snapshot, term.variable)) === 'count';
  }
}

function toHierarchy(rows: readonly { container: string; code: string }[]): Hierarchy {
  const hierarchy = new Map<string, string[]>();
  for (const { container, code } of rows) {
    let members = hierarchy.get(container);
    if (members === undefined) hierarchy.set(container, (members = []));
    members.push(code);
  }
  return hierarchy;
}

function nothingHidden(indicator: string, year: number, threshold: number): SuppressionPattern {
  return {
    indicator,
    year,
    threshold,
    primary: 0,
    secondary: 0,
    isHidden: (i, y) => {
      checkSame(indicator, year, i, y);
      return false;
    },
  };
}

function checkSame(indicator: string, year: number, askedIndicator: string, askedYear: number): void {
  if (askedIndicator !== indicator || askedYear !== year) throw new Error(`this suppression pattern is for ${indicator} ${year}, not ${askedIndicator} ${askedYear}`);
}
