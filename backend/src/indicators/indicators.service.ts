import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../core/errors.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import { toIndicatorDto } from './indicator-definition.js';
import type { IndicatorDto, IndicatorsResponseDto } from './indicators.dto.js';

@Injectable()
export class IndicatorsService {
  constructor(private readonly snapshots: SnapshotPool) {}

  list(): Promise<IndicatorsResponseDto> {
    return this.snapshots.use(async (snapshot) => ({ snapshot: snapshot.info, rows: snapshot.catalogue.indicators.map(toIndicatorDto) }));
  }

  get(code: string): Promise<IndicatorDto> {
    return this.snapshots.use(async (snapshot) => this.find(snapshot, code));
  }

  /** The indicator `code` in this snapshot; unknown codes are a NotFoundError listing the known ones. */
  find(snapshot: SnapshotReader, code: string): IndicatorDto {
    const indicator = snapshot.catalogue.find(code);
    if (indicator !== undefined) return toIndicatorDto(indicator);
    const id = snapshot.info.id;
    const known = snapshot.catalogue.codes.join(', ');
    throw new NotFoundError({
      it: `L'indicatore ${code} non è nello snapshot ${id}; codici noti: ${known || 'nessuno'}`,
      en: `Indicator ${code} is not in snapshot ${id}; known codes: ${known || 'none'}`,
    });
  }
}
