import { Injectable } from '@nestjs/common';
import { BadParameterError } from '../core/errors.js';
import { unknownIndicator } from '../core/not-found.js';
import { optionalParam, parseChoice } from '../core/params.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import { queryWords, searchCatalogue } from './catalogue-search.js';
import { toIndicatorDto } from './indicator-definition.js';
import type { IndicatorDto, IndicatorsResponseDto } from './indicators.dto.js';

export interface CatalogueQuery {
  q?: unknown;
  area?: unknown;
}

const MAX_QUERY_LENGTH = 200;

@Injectable()
export class IndicatorsService {
  constructor(private readonly snapshots: SnapshotPool) {}

  /** The catalogue in its order; with `q`, the indicators matching it, best first; with `area`, that area's only. */
  list(query: CatalogueQuery = {}): Promise<IndicatorsResponseDto> {
    const q = optionalParam('q', query.q);
    if (q !== undefined && q.length > MAX_QUERY_LENGTH) throw new BadParameterError('q', { it: `è lungo ${q.length} caratteri; usarne al più ${MAX_QUERY_LENGTH}`, en: `is ${q.length} characters long; use at most ${MAX_QUERY_LENGTH}` });
    const words = q === undefined ? null : queryWords(q);
    if (words !== null && words.length === 0) throw new BadParameterError('q', {
        it: `"${q}" non ha lettere né cifre da cercare; indicare parole del codice, del nome o della definizione, es. q=anziani`,
        en: `"${q}" has no letter or digit to search for; give words of a code, name or definition, e.g. q=anziani`,
      });
    return this.snapshots.use(async (snapshot) => {
      const { catalogue } = snapshot;
      const area = parseChoice('area', query.area, catalogue.areas.map((a) => a.code));
      const inArea = area === undefined ? catalogue.indicators : catalogue.indicators.filter((i) => i.area.code === area);
      const found = words === null ? inArea : searchCatalogue(inArea, words);
      return { snapshot: snapshot.info, rows: found.map(toIndicatorDto) };
    });
  }

  get(code: string): Promise<IndicatorDto> {
    return this.snapshots.use(async (snapshot) => this.find(snapshot, code));
  }

  /** The indicator `code` in this snapshot; unknown codes are a NotFoundError listing the known ones. */
  find(snapshot: SnapshotReader, code: string): IndicatorDto {
    const indicator = snapshot.catalogue.find(code);
    if (indicator === undefined) throw unknownIndicator(snapshot, code);
    return toIndicatorDto(indicator);
  }
}
