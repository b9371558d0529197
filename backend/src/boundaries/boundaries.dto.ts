/** A provincia's comuni as TopoJSON (each geometry has properties {code, name}), plus its source. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SourceDto } from '../sources/source.dto.js';

export class ComunePropertiesDto {
  @ApiProperty({ example: '018110' })
  code: string;

  @ApiProperty({ example: 'Pavia' })
  name: string;
}

/** One comune's shape, as a TopoJSON geometry. */
export class ComuneGeometryDto {
  @ApiProperty({ example: 'MultiPolygon', description: 'A TopoJSON geometry type' })
  type: string;

  @ApiProperty({ type: 'array', items: {}, description: 'Arc indexes, nested as the geometry type requires' })
  arcs: unknown[];

  @ApiProperty({ type: ComunePropertiesDto })
  properties: ComunePropertiesDto;
}

export class ComuneCollectionDto {
  @ApiProperty({ enum: ['GeometryCollection'] })
  type: 'GeometryCollection';

  @ApiProperty({ type: [ComuneGeometryDto] })
  geometries: ComuneGeometryDto[];
}

export class BoundariesObjectsDto {
  @ApiProperty({ type: ComuneCollectionDto, description: 'One geometry per current comune' })
  comuni: ComuneCollectionDto;
}

export class BoundariesDto {
  @ApiProperty({ enum: ['Topology'] })
  type: 'Topology';

  @ApiProperty({ type: BoundariesObjectsDto })
  objects: BoundariesObjectsDto;

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } })
  arcs: number[][][];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Quantization: scale and translate' })
  transform?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [Number] })
  bbox?: number[];

  @ApiProperty({ type: SourceDto })
  source: SourceDto;
}
