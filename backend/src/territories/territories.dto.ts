/** The territories endpoint's answer. */
import { ApiProperty } from '@nestjs/swagger';
import { column, type TableSpec } from '../core/http/table.js';
import { SnapshotInfoDto } from '../core/snapshot-info.dto.js';
import { TERRITORIES_MAX_LIMIT } from './territories.params.js';
import { TERRITORY_LEVELS, type AnyTerritoryLevel, type TerritoryLevel } from './territory-levels.js';

export class TerritoryDto {
  @ApiProperty({ example: '018110' })
  code: string;

  @ApiProperty({ example: 'Pavia' })
  name: string;

  @ApiProperty({ enum: [...TERRITORY_LEVELS, 'italia'] })
  level: AnyTerritoryLevel;

  @ApiProperty({ type: String, nullable: true, description: 'comune → provincia, ambito → provincia, provincia → regione, regione → IT' })
  parentCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2014-02-04' })
  validFrom: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'null: still valid' })
  validTo: string | null;

  @ApiProperty({ type: Number, nullable: true })
  areaKm2: number | null;
}

export class TerritoriesResponseDto {
  @ApiProperty({ type: SnapshotInfoDto })
  snapshot: SnapshotInfoDto;

  @ApiProperty({ enum: TERRITORY_LEVELS, nullable: true, description: 'null: every level' })
  level: TerritoryLevel | null;

  @ApiProperty({ type: String, nullable: true })
  parent: string | null;

  @ApiProperty({ description: `Rows per page applied: the limit asked, at most ${TERRITORIES_MAX_LIMIT}` })
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ description: 'Territories matching level and parent, on every page' })
  total: number;

  @ApiProperty({ type: [TerritoryDto] })
  rows: TerritoryDto[];
}

export const territoriesTable: TableSpec<TerritoriesResponseDto, TerritoryDto> = {
  rows: (dto) => dto.rows,
  fileName: (dto) => ['territories', dto.level, dto.parent],
  columns: [
    column('code', 'utf8', (r) => r.code),
    column('name', 'utf8', (r) => r.name),
    column('level', 'utf8', (r) => r.level),
    column('parentCode', 'utf8', (r) => r.parentCode),
    column('validFrom', 'utf8', (r) => r.validFrom),
    column('validTo', 'utf8', (r) => r.validTo),
    column('areaKm2', 'float64', (r) => r.areaKm2),
  ],
};
