import { Injectable } from '@nestjs/common';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { benchmarkFinder, resolveBenchmark } from '../engine/benchmark.js';
import { chooseYears, indicatorMap, requireIndicator } from '../engine/catalogue-indicators.js';
import { EngineService } from '../engine/engine.service.js';
import { comparison } from '../engine/indicator-value.js';
import { SnapshotLookups } from '../engine/snapshot-lookups.js';
import { quintiles } from '../engine/statistics.js';
import { GROUP_CODE, type GroupTarget } from '../engine/sums.repository.js';
import { toValueRowDto, type ValueRowDto } from '../engine/value.dto.js';
import { chooseYear } from '../indicators/indicator-year.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { toSourceDto } from '../sources/source.dto.js';
import { requireParentOf } from '../territories/territory-levels.js';
import type { ValuesResponseDto } from './values.dto.js';
import type { ValuesQuery } from './values.params.js';

@Injectable()
export class ValuesService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsService,
    private readonly lookups: SnapshotLookups,
    private readonly engine: EngineService,
  ) {}

  async list(code: string, query: ValuesQuery): Promise<ValuesResponseDto> {
    const { level, parent, year: askedYear, years: askedYears, benchmark: choice, group: groupCodes, classify } = query;
    const page = { limit: query.limit, offset: query.offset };
    return this.snapshots.use(async (snapshot) => {
      const indicatorDto = this.indicators.find(snapshot, code);
      const indicator = requireIndicator(snapshot, code);
      if (!indicatorDto.available) {
        // Not an error of the request: the snapshot has no input for it. No rows, never zeros; the reason is in `indicator`.
        if (parent !== null) await this.lookups.territory(snapshot, parent);
        const asked = askedYears ?? (askedYear === undefined ? [] : [askedYear]);
        return { indicator: indicatorDto, level, parent, year: asked.at(-1) ?? null, years: asked, snapshot: snapshot.info, rows: [], total: 0, limit: page.limit, offset: page.offset, benchmark: null, benchmarks: [], sources: [], synthetic: false };
      }
      const years = askedYears ? chooseYears(indicator, askedYears) : [chooseYear(indicatorDto, askedYear)];
      if (parent !== null) {
        requireParentOf(level, await this.lookups.territory(snapshot, parent));
      }
      let group: GroupTarget | null = null;
      if (groupCodes !== null) {
        await this.lookups.comuni(snapshot, 'group', groupCodes);
        group = { code: GROUP_CODE, name: `Gruppo di ${groupCodes.length} ${groupCodes.length === 1 ? 'comune' : 'comuni'}`, comuni: groupCodes, isRow: choice?.kind !== 'group' };
      }
      const rowLevels = group?.isRow ? [level, 'group'] : [level];
      const benchmark = await resolveBenchmark(choice, rowLevels, parent, group, snapshot, this.lookups);
      const values = await this.engine.values(snapshot, { pairs: years.map((year) => ({ indicator: code, year })), level, parent, group, ...benchmark.query }, indicatorMap([indicator]));
      const benchmarkOf = benchmarkFinder(values, benchmark);
      const allRows = await this.lookups.sortByName(
        snapshot,
        values.filter((v) => v.isRow).map((v) => {
          const b = benchmarkOf(v);
          return toValueRowDto(v, comparison(v, b, indicator), b?.code ?? null);
        }),
      );
      if (classify === 'quintiles') {
        for (const year of years) {
          const ofYear = allRows.filter((r) => r.year === year && r.level !== 'group');
          quintiles(ofYear.map((r) => r.value)).forEach((q, i) => {
            ofYear[i]!.quintile = q;
          });
        }
      }
      const benchmarkCodes = new Set(allRows.map((r) => r.benchmarkCode).filter((c) => c !== null));
      const benchmarks: ValueRowDto[] = values
        .filter((v) => benchmarkCodes.has(v.code) && (benchmark.code !== null || !v.isRow))
        .map((v) => toValueRowDto(v, 'not_compared', null));
      const year = years.at(-1)!;
      const single = benchmark.code === null ? null : (benchmarks.find((b) => b.code === benchmark.code && b.year === year) ?? null);
      const rows = allRows.slice(page.offset, page.offset + page.limit);
      return {
        indicator: indicatorDto,
        level,
        parent,
        year,
        years,
        snapshot: snapshot.info,
        rows,
        total: allRows.length,
        limit: page.limit,
        offset: page.offset,
        benchmark: single,
        benchmarks,
        sources: (await this.lookups.sources(snapshot, [code], years)).map(toSourceDto),
        synthetic: allRows.some((r) => r.synthetic) || benchmarks.some((b) => b.synthetic),
      };
    });
  }
}
