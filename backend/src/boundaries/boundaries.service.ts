import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../core/errors.js';
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
    return this.snapshots.use(async (snapshot) => {
      const row = await this.boundaries.find(snapshot, provinciaCode);
      if (row === null) {
        throw new NotFoundError(
          {
            it: `I confini della provincia ${provinciaCode} non sono caricati in questo snapshot: scaricare i comuni della provincia in TopoJSON o GeoJSON nella cartella dei dati ed eseguire npm run etl -- load`,
            en: `Boundaries for provincia ${provinciaCode} are not loaded in this snapshot: download the provincia's comuni as TopoJSON or GeoJSON into the data folder and run npm run etl -- load`,
          },
          { downloadUrl: BOUNDARIES_DOWNLOAD_URL },
        );
      }
      const topology = JSON.parse(row.topojson) as Omit<BoundariesDto, 'source'>;
      return { ...topology, source: toSourceDto(row) };
    });
  }
}
