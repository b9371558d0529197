import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../core/errors.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import { toIndicatorDto } from './indicator-definition.js';
import type { IndicatorDto, IndicatorsResponseDto } from './indicators.dto.js';
import { IndicatorsRepository } from './indicators.repository.js';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsRepository,
  ) {}

  list(): Promise<IndicatorsResponseDto> {
    return this.snapshots.use(async (snapshot) => {
      const rows = await this.indicators.list(snapshot);
      return { snapshot: snapshot.info, rows: rows.map((r) => toIndicatorDto(r.definition, r.years)) };
    });
  }

  get(code: string): Promise<IndicatorDto> {
    return this.snapshots.use((snapshot) => this.find(snapshot, code));
  }

  /** The indicator `code` in this snapshot; unknown codes are a NotFoundError listing the known ones. */
  async find(snapshot: SnapshotReader, code: string): Promise<IndicatorDto> {
    const [row] = await this.indicators.list(snapshot, code);
    if (row !== undefined) return toIndicatorDto(row.definition, row.years);
    const known = (await this.indicators.list(snapshot)).map((r) => r.code);
    throw new NotFoundError(`Indicator ${code} is not in snapshot ${snapshot.info.id}; known codes: ${known.join(', ') || 'none'}`);
  }
}
