import { Injectable } from '@nestjs/common';
import { BadParameterError, NotFoundError } from '../core/errors.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { toSourceDto } from '../sources/source.dto.js';
import type { BoundariesDto } from './boundaries.dto.js';
import { BoundariesRepository } from './boundaries.repository.js';

export const BOUNDARIES_DOWNLOAD_URL = 'https://github.com/openpolis/geojson-italy';

@Injectable()
export class BoundariesService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly boundaries: BoundariesRepository,
  ) {}

  get(provinciaCode: string): Promise<BoundariesDto> {
    if (!/^\d{3}$/.test(provinciaCode)) {
      throw new BadParameterError('provinciaCode', `"${provinciaCode}" is not a provincia code; use the 3-digit ISTAT code, e.g. 018 for Pavia`);
    }
    return this.snapshots.use(async (snapshot) => {
      const row = await this.boundaries.find(snapshot, provinciaCode);
      if (row === null) {
        throw new NotFoundError(
          `Boundaries for provincia ${provinciaCode} are not loaded in this snapshot: download the provincia's comuni as TopoJSON or GeoJSON into the data folder and run npm run etl -- load`,
          { downloadUrl: BOUNDARIES_DOWNLOAD_URL },
        );
      }
      const topology = JSON.parse(row.topojson) as Omit<BoundariesDto, 'source'>;
      return { ...topology, source: toSourceDto(row) };
    });
  }
}
