import { ApiProperty } from '@nestjs/swagger';

/** Where data come from, as recorded in the snapshot's source table. */
export class SourceDto {
  @ApiProperty({ example: 'istat-posas-2025' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: 'ISTAT' })
  publisher: string;

  @ApiProperty({ example: 'CC BY 4.0' })
  licence: string;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;

  @ApiProperty({ description: 'Generated for the demo, never real data' })
  synthetic: boolean;
}

/** The source columns as the SQL files select them. */
export interface SourceRow {
  source_id: string;
  title: string;
  publisher: string;
  licence: string;
  url: string | null;
  synthetic: boolean;
}

export function toSourceDto(row: SourceRow): SourceDto {
  return { id: row.source_id, title: row.title, publisher: row.publisher, licence: row.licence, url: row.url, synthetic: row.synthetic };
}
