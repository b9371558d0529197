/** The body of every error answer (see exception.filter.ts), for OpenAPI. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase, in English whatever the language asked' })
  error: string;

  @ApiProperty({ example: 'level: "district" non è ammesso; usare uno tra comune, ambito, provincia, regione', description: 'In Italian, or English for Accept-Language: en' })
  message: string;

  @ApiPropertyOptional({ example: 'level', description: 'On a 400: the parameter that cannot be used' })
  parameter?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }],
    example: ['comune', 'ambito', 'provincia', 'regione'],
    description: "On a 400: the values the parameter allows, or a description of them in the message's language",
  })
  allowed?: string[] | string;
}
