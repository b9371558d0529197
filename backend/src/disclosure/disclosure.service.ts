/**
 * The disclosure contract the value endpoints call: who the answer is for (audience), and which published
 * counts it must hide (the suppression pattern of one indicator and year over the whole hierarchy).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { IndicatorTerm } from '@osservatorio/etl/contract';
import { APP_CONFIG, type AppConfig, type Audience } from '../config/config.js';
import { unknownIndicator } from '../core/not-found.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { protections, type Breakdown } from './breakdowns.js';
import { hierarchyCells, type Hierarchy } from './hierarchy.js';
import { PRIMARY, SECONDARY, SHOWN, suppress } from './suppression.js';
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
  /** By variable and year: for each breakdown (`sex|band`), the state of each territory hidden in it. */
  readonly breakdownPatterns: Map<string, Promise<ReadonlyMap<string, ReadonlyMap<string, number>>>>;
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
      pattern = this.compute(snapshot, cache, indicator, year, threshold);
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
      cache = { hierarchy, patterns: new Map(), breakdownPatterns: new Map() };
      hierarchy.catch(() => this.caches.delete(id));
      this.caches.set(id, cache);
      while (this.caches.size > CACHED_SNAPSHOTS) this.caches.delete(this.caches.keys().next().value!);
    }
    return cache;
  }

  private async compute(snapshot: Snapshot, cache: SnapshotCache, code: string, year: number, threshold: number): Promise<SuppressionPattern> {
    const definition = snapshot.catalogue.find(code)?.definition;
    if (definition === undefined) throw unknownIndicator(snapshot, code);
    // A part is hidden where any count it sums is hidden in that count's own pattern: the same count
    // (residents in year t, say) is then hidden alike in every indicator and year that publishes it, and a
    // part that is a difference (residents in t minus t-1) is never shown beside one of its hidden terms.
    // A count's pattern comes with every breakdown of its variable and year (breakdowns.ts), so that no
    // hidden band or sex is the difference of published ones either.
    const hidden: Record<Part, Map<string, number>> = { numerator: new Map(), denominator: new Map() };
    for (const part of PARTS) {
      for (const term of definition[part] ?? []) {
        if (!(await this.isCount(snapshot, term))) continue;
        const { variable, sex, age_band: band, lag } = term as Extract<IndicatorTerm, { variable: string }>;
        const states = (await this.breakdownPattern(snapshot, cache, variable, year - lag, threshold)).get(`${sex}|${band}`)!;
        for (const [territory, s] of states) if (hidden[part].get(territory) !== PRIMARY) hidden[part].set(territory, s);
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

  private breakdownPattern(snapshot: Snapshot, cache: SnapshotCache, variable: string, year: number, threshold: number) {
    const key = `${variable}|${year}`;
    let pattern = cache.breakdownPatterns.get(key);
    if (pattern === undefined) {
      pattern = cache.hierarchy.then(async (hierarchy) => {
        const breakdowns = publishedBreakdowns(snapshot, variable);
        const index = new Map(breakdowns.map((b, k) => [`${b.sex}|${b.band}`, k]));
        const values = breakdowns.map(() => new Map<string, number>());
        for (const row of await this.repository.breakdownValues(snapshot, { variable, year, breakdowns })) values[index.get(`${row.sex}|${row.band}`)!]!.set(row.code, row.value);
        const states = breakdowns.map(() => new Map<string, number>());
        protections(breakdowns).forEach(({ moved }, k) => {
          // A container sums comuni with data, so with no comune under the threshold nothing is.
          if (![...values[k]!.values()].some((v) => v < threshold)) return;
          const cells = hierarchyCells(hierarchy, values[k]!);
          const { state } = suppress({ values: cells.values, counts: cells.values.map(() => true), relations: cells.relations, threshold });
          state.forEach((s, i) => {
            if (s === SHOWN) return;
            for (const other of moved) {
              const hidden = states[other]!;
              if (hidden.get(cells.codes[i]!) !== PRIMARY) hidden.set(cells.codes[i]!, other === k ? s : SECONDARY);
            }
          });
        });
        return new Map([...index].map(([name, k]) => [name, states[k]!]));
      });
      cache.breakdownPatterns.set(key, pattern);
      pattern.catch(() => cache.breakdownPatterns.delete(key));
    }
    return pattern;
  }

  // Only counts are protected: not euro amounts, not the area of a comune (published anyway).
  private async isCount(snapshot: Snapshot, term: IndicatorTerm): Promise<boolean> {
    if ('attribute' in term) return false;
    return (await this.kinds.kindOf(snapshot, term.variable)) === 'count';
  }
}

/** Every (sex, band) of `variable` that some indicator of the catalogue reads. */
function publishedBreakdowns(snapshot: Snapshot, variable: string): Breakdown[] {
  const seen = new Map<string, Breakdown>();
  for (const { definition } of snapshot.catalogue.indicators) {
    for (const part of PARTS) {
      for (const term of definition[part] ?? []) {
        if ('attribute' in term || term.variable !== variable) continue;
        seen.set(`${term.sex}|${term.age_band}`, { sex: term.sex, band: term.age_band });
      }
    }
  }
  return [...seen.values()];
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
