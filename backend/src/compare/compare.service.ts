import { Injectable } from '@nestjs/common';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { benchmarkFinder, resolveBenchmark } from '../engine/benchmark.js';
import { indicatorMap, requireIndicator } from '../engine/catalogue-indicators.js';
import { engineIndicator } from '../engine/engine-indicator.js';
import { EngineService } from '../engine/engine.service.js';
import { comparison } from '../engine/indicator-value.js';
import { SnapshotLookups } from '../engine/snapshot-lookups.js';
import { toValueRowDto } from '../engine/value.dto.js';
import { toIndicatorDto } from '../indicators/indicator-definition.js';
import { toSourceDto } from '../sources/source.dto.js';
import type { CompareEntryDto, CompareResponseDto } from './compare.dto.js';
import type { CompareQuery } from './compare.params.js';

@Injectable()
export class CompareService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly lookups: SnapshotLookups,
    private readonly engine: EngineService,
  ) {}

  async compare(query: CompareQuery): Promise<CompareResponseDto> {
    const { territories: codes, indicators: asked, year, benchmark: choice } = query;
    return this.snapshots.use(async (snapshot) => {
      const territories = await Promise.all(codes.map((c) => this.lookups.territory(snapshot, c)));
      const indicators = asked ? asked.map((c) => requireIndicator(snapshot, c)) : snapshot.catalogue.indicators.map(engineIndicator);
      const benchmark = await resolveBenchmark(choice, [...new Set(territories.map((t) => t.level))], null, null, snapshot, this.lookups);
      const yearOf = (years: readonly number[]) => (year === null ? (years.at(-1) ?? null) : years.includes(year) ? year : null);
      const pairs = indicators.flatMap((i) => (yearOf(i.years) === null ? [] : [{ indicator: i.code, year: yearOf(i.years)! }]));
      const values = await this.engine.values(snapshot, { pairs, codes, ...benchmark.query }, indicatorMap(indicators));
      const benchmarkOf = benchmarkFinder(values, benchmark);
      const rows: CompareEntryDto[] = indicators.map((indicator) => {
        const cells = values.filter((v) => v.indicator === indicator.code);
        const ordered = codes.flatMap((c) => cells.filter((v) => v.code === c && v.isRow));
        const shown = ordered.map((v) => {
          const b = benchmarkOf(v);
          return toValueRowDto(v, comparison(v, b, indicator), b?.code ?? null);
        });
        const used = new Set(shown.map((r) => r.benchmarkCode));
        return {
          indicator: toIndicatorDto(snapshot.catalogue.find(indicator.code)!),
          year: yearOf(indicator.years),
          values: shown,
          benchmarks: cells.filter((v) => used.has(v.code)).map((v) => toValueRowDto(v, 'not_compared', null)),
        };
      });
      return {
        territories: codes,
        year,
        benchmark: choice?.asked ?? null,
        snapshot: snapshot.info,
        rows,
        sources: (await this.lookups.sources(snapshot, pairs.map((p) => p.indicator), [...new Set(pairs.map((p) => p.year))])).map(toSourceDto),
        synthetic: rows.some((r) => r.values.some((v) => v.synthetic)),
      };
    });
  }
}
