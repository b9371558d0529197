import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../core/errors.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import { toIndicatorDto } from './indicator-definition.js';
import type { IndicatorDto, IndicatorsResponseDto } from './indicators.dto.js';
import { IndicatorsRepository } from './indicators.repository.js';

@Injectable()
export class IndicatorsService {
  // A published snapshot never changes, so its catalogue is read once (keyed by the snapshot's info,
  // which lives as long as the snapshot is open).
  private readonly catalogues = new WeakMap<object, Promise<IndicatorDto[]>>();

  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly indicators: IndicatorsRepository,
  ) {}

  list(): Promise<IndicatorsResponseDto> {
    return this.snapshots.use(async (snapshot) => ({ snapshot: snapshot.info, rows: await this.catalogue(snapshot) }));
  }

  get(code: string): Promise<IndicatorDto> {
    return this.snapshots.use((snapshot) => this.find(snapshot, code));
  }

  /** The indicator `code` in this snapshot; unknown codes are a NotFoundError listing the known ones. */
  async find(snapshot: SnapshotReader, code: string): Promise<IndicatorDto> {
    const catalogue = await this.catalogue(snapshot);
    const indicator = catalogue.find((i) => i.code === code);
    if (indicator !== undefined) return indicator;
    throw new NotFoundError(`Indicator ${code} is not in snapshot ${snapshot.info.id}; known codes: ${catalogue.map((i) => i.code).join(', ') || 'none'}`);
  }

  private catalogue(snapshot: SnapshotReader): Promise<IndicatorDto[]> {
    let catalogue = this.catalogues.get(snapshot.info);
    if (catalogue === undefined) {
      catalogue = this.indicators.list(snapshot).then((rows) => rows.map((r) => toIndicatorDto(r.definition, r.years)));
      catalogue.catch(() => this.catalogues.delete(snapshot.info));
      this.catalogues.set(snapshot.info, catalogue);
    }
    return catalogue;
  }
}
