import { Injectable } from '@nestjs/common';
import { parseChoice, parseCode, parseYear } from '../core/params.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { chooseYear } from '../indicators/indicator-year.js';
import type { IndicatorDto } from '../indicators/indicators.dto.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { toSourceDto } from '../sources/source.dto.js';
import { TerritoriesService } from '../territories/territories.service.js';
import { TERRITORY_LEVELS } from '../territories/territory-levels.js';
import { aggregateValue } from './value-math.js';
import type { ValueRowDto, ValuesResponseDto } from './values.dto.js';
import { ValuesRepository, type AggregateRow } from './values.repository.js';

export interface ValuesQuery {
  level?: unknown;
  parent?: unknown;
  year?: unknown;
}

@Injectable()
export class ValuesService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsService,
    private readonly territories: TerritoriesService,
    private readonly values: ValuesRepository,
  ) {}

  async list(code: string, query: ValuesQuery): Promise<ValuesResponseDto> {
    const level = parseChoice('level', query.level, TERRITORY_LEVELS) ?? 'comune';
    const parent = parseCode('parent', query.parent) ?? null;
    const askedYear = parseYear('year', query.year);
    return this.snapshots.use(async (snapshot) => {
      const indicator = this.indicators.find(snapshot, code);
      if (!indicator.available) {
        // Not an error of the request: the snapshot has no input for it. No rows, never zeros; the reason is in `indicator`.
        if (parent !== null) await this.territories.requireParent(snapshot, level, parent);
        return { indicator, level, parent, year: askedYear ?? null, snapshot: snapshot.info, rows: [], benchmark: null, sources: [], synthetic: false };
      }
      const year = chooseYear(indicator, askedYear);
      if (parent !== null) await this.territories.requireParent(snapshot, level, parent);
      const aggregates = await this.values.aggregate(snapshot, { code: indicator.code, year, level, parent });
      const sources = await this.values.sources(snapshot, indicator.code, year);
      const rows = aggregates.filter((a) => !a.is_benchmark).map((a) => toValueRow(a, indicator));
      const benchmarkRow = aggregates.find((a) => a.is_benchmark);
      const benchmark = benchmarkRow ? toValueRow(benchmarkRow, indicator) : null;
      return {
        indicator,
        level,
        parent,
        year,
        snapshot: snapshot.info,
        rows,
        benchmark,
        sources: sources.map(toSourceDto),
        synthetic: rows.some((r) => r.synthetic) || (benchmark?.synthetic ?? false),
      };
    });
  }
}

function toValueRow(row: AggregateRow, indicator: IndicatorDto): ValueRowDto {
  const sums = { numerator: row.numerator, denominator: row.denominator, comuniWithData: row.comuni_with_data, comuniTotal: row.comuni_total };
  return {
    code: row.code,
    name: row.name,
    numerator: row.numerator,
    denominator: row.denominator,
    value: aggregateValue(sums, indicator),
    synthetic: row.synthetic,
    comuniWithData: row.comuni_with_data,
    comuniTotal: row.comuni_total,
  };
}
