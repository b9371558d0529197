import { Injectable } from '@nestjs/common';
import { BadParameterError } from '../core/errors.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { refuseSelfBenchmark } from '../engine/benchmark.js';
import { engineIndicator } from '../engine/engine-indicator.js';
import { indicatorMap } from '../engine/catalogue-indicators.js';
import { EngineService } from '../engine/engine.service.js';
import { comparison } from '../engine/indicator-value.js';
import { SnapshotLookups, type TerritoryEntry } from '../engine/snapshot-lookups.js';
import { toValueRowDto } from '../engine/value.dto.js';
import { toIndicatorDto } from '../indicators/indicator-definition.js';
import { toSourceDto } from '../sources/source.dto.js';
import type { ProfileEntryDto, ProfileResponseDto } from './profiles.dto.js';
import type { ProfileQuery } from './profiles.params.js';

@Injectable()
export class ProfilesService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly lookups: SnapshotLookups,
    private readonly engine: EngineService,
  ) {}

  async get(code: string, query: ProfileQuery): Promise<ProfileResponseDto> {
    const { year, benchmark: choice } = query;
    return this.snapshots.use(async (snapshot) => {
      const territory = await this.lookups.territory(snapshot, code);
      refuseSelfBenchmark(choice, territory);
      let benchmark: TerritoryEntry | null;
      if (choice === undefined) benchmark = territory.parent_code === null ? null : await this.lookups.territory(snapshot, territory.parent_code);
      else if (choice.kind === 'code') benchmark = await this.lookups.territory(snapshot, choice.code);
      else {
        benchmark = await this.lookups.container(snapshot, code, choice.level);
        if (benchmark === null || benchmark.code === code) {
          throw new BadParameterError('benchmark', {
            it: `${code} (${territory.name}) non è in alcun territorio di livello ${choice.level}; usare uno dei livelli sopra ${territory.level}, italia o il codice di un territorio`,
            en: `${code} (${territory.name}) is in no ${choice.level}; use one of the levels above ${territory.level}, italia or a territory code`,
          });
        }
      }
      const catalogued = snapshot.catalogue.indicators;
      const indicators = catalogued.map(engineIndicator);
      const chosenYear = (years: readonly number[]) => (year === null ? (years.at(-1) ?? null) : years.includes(year) ? year : null);
      const pairs = indicators.flatMap((i) => {
        const y = chosenYear(i.years);
        return y === null ? [] : [{ indicator: i.code, year: y }];
      });
      const peerLevel = territory.level === 'italia' || benchmark === null ? null : territory.level;
      const byCode = indicatorMap(indicators);
      const values = await this.engine.values(snapshot, { pairs, codes: [code], extra: benchmark ? [benchmark.code] : [] }, byCode);
      const spreads =
        peerLevel === null
          ? pairs.map(() => null)
          : await this.engine.peerSpread(snapshot, { pairs: pairs.map((p) => ({ ...p, multiplier: byCode.get(p.indicator)!.multiplier, plainCount: byCode.get(p.indicator)!.plainCount })), level: peerLevel, parent: benchmark!.code });
      const spreadOf = new Map(pairs.map((p, i) => [p.indicator, spreads[i] ?? null]));
      const rows: ProfileEntryDto[] = catalogued.map((c, i) => {
        const indicator = indicators[i]!;
        const own = values.find((v) => v.indicator === indicator.code && v.code === code) ?? null;
        const bench = benchmark === null ? null : (values.find((v) => v.indicator === indicator.code && v.code === benchmark.code) ?? null);
        return {
          indicator: toIndicatorDto(c),
          year: own?.year ?? null,
          value: own === null ? null : toValueRowDto(own, comparison(own, bench, indicator), bench?.code ?? null),
          benchmark: bench === null ? null : toValueRowDto(bench, 'not_compared', null),
          peers: spreadOf.get(indicator.code) ?? null,
          unavailable: own !== null ? null : indicator.years.length === 0 ? 'no values in this snapshot' : `no values for ${year}; available years: ${indicator.years.join(', ')}`,
        };
      });
      const shownPairs = pairs.map((p) => p.indicator);
      const shownYears = [...new Set(pairs.map((p) => p.year))];
      return {
        territory: code,
        name: territory.name,
        level: territory.level,
        benchmark: benchmark?.code ?? null,
        year,
        snapshot: snapshot.info,
        rows,
        sources: (await this.lookups.sources(snapshot, shownPairs, shownYears)).map(toSourceDto),
        synthetic: rows.some((r) => r.value?.synthetic || r.benchmark?.synthetic),
      };
    });
  }
}
