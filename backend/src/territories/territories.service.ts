import { Injectable } from '@nestjs/common';
import { BadParameterError } from '../core/errors.js';
import { unknownTerritory } from '../core/not-found.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import type { TerritoriesResponseDto, TerritoryDto } from './territories.dto.js';
import { TerritoriesRepository, type TerritoryRow } from './territories.repository.js';
import { SEARCH_LIMIT, type TerritoriesQuery } from './territories.params.js';
import { parentLevels, type TerritoryLevel } from './territory-levels.js';

@Injectable()
export class TerritoriesService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly territories: TerritoriesRepository,
  ) {}

  async list(query: TerritoriesQuery): Promise<TerritoriesResponseDto> {
    const { level, parent, q, limit, offset } = query;
    return this.snapshots.use(async (snapshot) => {
      if (parent !== null) await this.requireParent(snapshot, level, parent);
      if (q !== null) {
        const matches = await this.territories.search(snapshot, q, level, parent, SEARCH_LIMIT);
        const rows = matches.map((row) => ({ ...toTerritoryDto(row), formerName: row.former_name }));
        return { snapshot: snapshot.info, level, parent, q, limit: SEARCH_LIMIT, offset: 0, total: rows.length, rows };
      }
      const [rows, total] = await Promise.all([this.territories.list(snapshot, { level, parent }, { limit, offset }), this.territories.count(snapshot, { level, parent })]);
      return { snapshot: snapshot.info, level, parent, limit, offset, total, rows: rows.map(toTerritoryDto) };
    });
  }

  /** The territory `code`, which must exist; NotFoundError otherwise. */
  async require(snapshot: SnapshotReader, code: string): Promise<TerritoryRow> {
    const territory = await this.territories.find(snapshot, code);
    if (territory === null) throw unknownTerritory(snapshot, code);
    return territory;
  }

  /** The territory `code`, which must exist and, given a level, be of a level that contains it. */
  async requireParent(snapshot: SnapshotReader, level: TerritoryLevel | null, code: string): Promise<TerritoryRow> {
    const parent = await this.require(snapshot, code);
    if (level !== null && !parentLevels(level).includes(parent.level)) {
      const levels = parentLevels(level);
      throw new BadParameterError(
        'parent',
        {
          it: `${code} (${parent.name}) è di livello ${parent.level}; per il livello ${level} il territorio che lo contiene deve essere di livello ${levels.join(' o ')}`,
          en: `${code} (${parent.name}) is of level ${parent.level}; for level ${level} the parent must be of level ${levels.join(' or ')}`,
        },
        { it: `un territorio di livello ${levels.join(' o ')}`, en: `a territory of level ${levels.join(' or ')}` },
      );
    }
    return parent;
  }
}

export function toTerritoryDto(row: TerritoryRow): TerritoryDto {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    areaKm2: row.area_km2,
  };
}
