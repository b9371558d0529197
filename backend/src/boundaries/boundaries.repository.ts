import { Injectable } from '@nestjs/common';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { loadSql } from '../core/sql.js';
import type { SourceRow } from '../sources/source.dto.js';

export interface BoundaryRow extends SourceRow {
  topojson: string;
}

const SQL = { find: loadSql(import.meta.url, 'boundary.sql') };

@Injectable()
export class BoundariesRepository {
  async find(snapshot: SnapshotReader, provincia: string): Promise<BoundaryRow | null> {
    const [row] = await snapshot.query<BoundaryRow>(SQL.find, { provincia });
    return row ?? null;
  }
}
