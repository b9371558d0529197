import { Injectable } from '@nestjs/common';
import { BadParameterError, NotFoundError } from '../core/errors.js';
import { optionalParam, parseChoice, parseCode } from '../core/params.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import type { TerritoriesResponseDto, TerritoryDto } from './territories.dto.js';
import { TerritoriesRepository, type TerritoryRow } from './territories.repository.js';
import { parentLevels, TERRITORY_LEVELS, type TerritoryLevel } from './territory-levels.js';

/** Enough for a list of suggestions under a search box. */
export const SEARCH_LIMIT = 20;
const SEARCH_LENGTH = { min: 2, max: 60 };

/** Text to look for in names: 2 to 60 characters once trimmed. */
export function parseSearchText(name: string, raw: unknown): string | undefined {
  const value = optionalParam(name, raw)?.trim();
  if (value === undefined) return undefined;
  if (value.length < SEARCH_LENGTH.min || value.length > SEARCH_LENGTH.max) {
    throw new BadParameterError(name, `give ${SEARCH_LENGTH.min} to ${SEARCH_LENGTH.max} characters of a name, e.g. ${name}=vige`);
  }
  return value;
}

@Injectable()
export class TerritoriesService {
  constructor(
    private readonly snapshots: SnapshotPool,
    private readonly territories: TerritoriesRepository,
  ) {}

  async list(query: { level?: unknown; parent?: unknown; q?: unknown }): Promise<TerritoriesResponseDto> {
    const level = parseChoice('level', query.level, TERRITORY_LEVELS) ?? null;
    const parent = parseCode('parent', query.parent) ?? null;
    const q = parseSearchText('q', query.q) ?? null;
    return this.snapshots.use(async (snapshot) => {
      if (parent !== null) await this.requireParent(snapshot, level, parent);
      if (q !== null) {
        const matches = await this.territories.search(snapshot, q, level, parent, SEARCH_LIMIT);
        return { snapshot: snapshot.info, level, parent, q, rows: matches.map((row) => ({ ...toTerritoryDto(row), formerName: row.former_name })) };
      }
      const rows = await this.territories.list(snapshot, level, parent);
      return { snapshot: snapshot.info, level, parent, rows: rows.map(toTerritoryDto) };
    });
  }

  /** The territory `code`, which must exist; NotFoundError otherwise. */
  async require(snapshot: SnapshotReader, code: string): Promise<TerritoryRow> {
    const territory = await this.territories.find(snapshot, code);
    if (territory === null) throw new NotFoundError(`Territory ${code} is not in snapshot ${snapshot.info.id}; GET /api/territories lists them`);
    return territory;
  }

  /** The territory `code`, which must exist and, given a level, be of a level that contains it. */
  async requireParent(snapshot: SnapshotReader, level: TerritoryLevel | null, code: string): Promise<TerritoryRow> {
    const parent = await this.require(snapshot, code);
    if (level !== null && !parentLevels(level).includes(parent.level)) {
      throw new BadParameterError('parent', `${code} (${parent.name}) is of level ${parent.level}; for level ${level} the parent must be of level ${parentLevels(level).join(' or ')}`);
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
