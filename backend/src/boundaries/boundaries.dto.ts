/** A provincia's comuni as TopoJSON (each geometry has properties {code, name}), plus its source. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SourceDto } from '../sources/source.dto.js';

export class BoundariesDto {
  @ApiProperty({ example: 'Topology' })
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Named geometry collections; geometries carry properties {code, name}' })
  objects: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } } })
  arcs: number[][][];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Quantization: scale and translate' })
  transform?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [Number] })
  bbox?: number[];

  @ApiProperty({ type: SourceDto })
  source: SourceDto;
}
