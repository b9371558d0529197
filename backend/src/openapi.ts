/** The API's OpenAPI document, built from the controllers and DTOs: served at /api/docs and written for the frontend's types. */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Osservatorio API')
    .setDescription(
      'Needs and services indicators for social-welfare planning (Piano di Zona). Data endpoints answer JSON, ' +
        'CSV (Accept: text/csv or ?format=csv) or Arrow IPC (Accept: application/vnd.apache.arrow.stream or ?format=arrow), ' +
        'with an ETag tied to the snapshot, compressed (gzip, br) by Accept-Encoding. Errors are {statusCode, error, message}, ' +
        'plus {parameter, allowed} on a 400; messages are in Italian, or in English for Accept-Language: en. ' +
        'List endpoints take limit and offset; a limit above the maximum is cut to it, and the answer gives the limit applied.',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, info);
}
