import { Injectable } from '@nestjs/common';
import { BadParameterError } from '../core/errors.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { indicatorMap, requireIndicator } from '../engine/catalogue-indicators.js';
import { engineIndicator } from '../engine/engine-indicator.js';
import { EngineService } from '../engine/engine.service.js';
import { comparison } from '../engine/indicator-value.js';
import { SnapshotLookups } from '../engine/snapshot-lookups.js';
import { toValueRowDto } from '../engine/value.dto.js';
import { chooseYear } from '../indicators/indicator-year.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { toSourceDto } from '../sources/source.dto.js';
import { requireParentOf } from '../territories/territory-levels.js';
import type { GapRowDto, GapsResponseDto } from './gaps.dto.js';
import type { GapsQuery } from './gaps.params.js';
import { shortfall } from './shortfall.js';

@Injectable()
export class GapsService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsService,
    private readonly lookups: SnapshotLookups,
    private readonly engine: EngineService,
  ) {}

  async gaps(query: GapsQuery): Promise<GapsResponseDto> {
    const { indicator: code, level, parent, year: askedYear } = query;
    return this.snapshots.use(async (snapshot) => {
      const indicatorDto = this.indicators.find(snapshot, code);
      const indicator = requireIndicator(snapshot, code);
      if (indicator.target === null || indicator.plainCount || indicator.polarity !== 'higher_better') {
        const withTarget = snapshot.catalogue.indicators.map(engineIndicator).filter((i) => i.target !== null && !i.plainCount && i.polarity === 'higher_better').map((i) => i.code);
        const listed = withTarget.join(', ');
        throw new BadParameterError('indicator', {
          it: `${code} non è un indicatore di offerta con un obiettivo; usare uno tra ${listed || 'nessuno in questo snapshot'}`,
          en: `${code} is not a supply indicator with a target; use one of ${listed || 'none in this snapshot'}`,
        });
      }
      if (parent !== null) {
        requireParentOf(level, await this.lookups.territory(snapshot, parent));
      }
      if (!indicatorDto.available) {
        // The snapshot has no input for it: no rows, never zeros; the reason is in `indicator`.
        return { indicator: indicatorDto, target: indicator.target, level, parent, year: askedYear ?? null, snapshot: snapshot.info, rows: [], totalShortfall: 0, rowsWithoutShortfall: 0, sources: [], synthetic: false };
      }
      const year = chooseYear(indicatorDto, askedYear);
      const values = await this.engine.values(snapshot, { pairs: [{ indicator: code, year }], level, parent }, indicatorMap([indicator]));
      const target = indicator.target;
      const rows: GapRowDto[] = await this.lookups.sortByName(snapshot, values.filter((v) => v.isRow).map((v) => ({
        ...toValueRowDto(v, comparison(v, null, indicator), null),
        shortfall: v.value === null || v.suppressed || v.numerator === null || v.denominator === null ? null : shortfall(target, v.numerator, v.denominator, indicator.multiplier),
      })));
      const known = rows.filter((r) => r.shortfall !== null);
      return {
        indicator: indicatorDto,
        target,
        level,
        parent,
        year,
        snapshot: snapshot.info,
        rows,
        totalShortfall: known.reduce((sum, r) => sum + r.shortfall!, 0),
        rowsWithoutShortfall: rows.length - known.length,
        sources: (await this.lookups.sources(snapshot, [code], [year])).map(toSourceDto),
        synthetic: rows.some((r) => r.synthetic),
      };
    });
  }
}
