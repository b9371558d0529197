import { Injectable } from '@nestjs/common';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { benchmarkFinder, refuseSelfBenchmark, resolveBenchmark } from '../engine/benchmark.js';
import { indicatorMap, requireIndicator } from '../engine/catalogue-indicators.js';
import { EngineService } from '../engine/engine.service.js';
import { comparison } from '../engine/indicator-value.js';
import { SnapshotLookups } from '../engine/snapshot-lookups.js';
import { recentTrend } from '../engine/statistics.js';
import { toValueRowDto } from '../engine/value.dto.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { toSourceDto } from '../sources/source.dto.js';
import type { TrendResponseDto } from './trend.dto.js';
import type { TrendQuery } from './values.params.js';

@Injectable()
export class TrendService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsService,
    private readonly lookups: SnapshotLookups,
    private readonly engine: EngineService,
  ) {}

  async get(code: string, query: TrendQuery): Promise<TrendResponseDto> {
    const { territory: territoryCode, benchmark: choice } = query;
    return this.snapshots.use(async (snapshot) => {
      const indicatorDto = this.indicators.find(snapshot, code);
      const indicator = requireIndicator(snapshot, code);
      const territory = await this.lookups.territory(snapshot, territoryCode);
      refuseSelfBenchmark(choice, territory);
      const benchmark = await resolveBenchmark(choice, [territory.level], null, null, snapshot, this.lookups);
      const pairs = indicator.years.map((year) => ({ indicator: code, year }));
      const values = await this.engine.values(snapshot, { pairs, codes: [territoryCode], ...benchmark.query }, indicatorMap([indicator]));
      const benchmarkOf = benchmarkFinder(values, benchmark);
      const series = values.filter((v) => v.isRow);
      const rows = series.map((v) => {
        const b = benchmarkOf(v);
        return toValueRowDto(v, comparison(v, b, indicator), b?.code ?? null);
      });
      const benchmarkCodes = new Set(rows.map((r) => r.benchmarkCode));
      const benchmarks = values.filter((v) => benchmarkCodes.has(v.code)).map((v) => toValueRowDto(v, 'not_compared', null));
      // Suppressed points never enter the test: its result must not let a hidden count be worked out.
      // A plain count goes to the test with denominator 1, as the statistics contract says.
      const points = series.filter((v) => v.value !== null && !v.suppressed && v.numerator !== null).map((v) => ({ year: v.year, numerator: v.numerator!, denominator: indicator.plainCount ? 1 : v.denominator }));
      const trend = recentTrend({ points, method: indicator.ciMethod, multiplier: indicator.multiplier, polarity: indicator.polarity, level: 0.95 });
      return {
        indicator: indicatorDto,
        territory: territoryCode,
        snapshot: snapshot.info,
        rows,
        benchmarks,
        trend,
        sources: (await this.lookups.sources(snapshot, [code], indicator.years)).map(toSourceDto),
        synthetic: rows.some((r) => r.synthetic),
      };
    });
  }
}
