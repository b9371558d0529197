import { ApiProperty } from '@nestjs/swagger';

/** A text in Italian (first) and English. */
export class LocalizedTextDto {
  @ApiProperty()
  it: string;

  @ApiProperty()
  en: string;
}
