import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { MEDIA_TYPES } from './negotiate.js';
import type { TableSpec } from './table.js';

export const SNAPSHOT_DATA = Symbol('snapshot-data');

export interface SnapshotDataOptions {
  /** Present when the answer can also be sent as CSV and Arrow. */
  readonly table?: TableSpec<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Marks an endpoint that answers from the snapshot: the SnapshotDataInterceptor gives it an ETag tied to
 * the snapshot, answers If-None-Match with 304, and, given a table, serves CSV and Arrow too.
 */
export function SnapshotData(table?: TableSpec<any, any>): MethodDecorator { // eslint-disable-line @typescript-eslint/no-explicit-any
  const formats = table ? (['json', 'csv', 'arrow'] as const) : (['json'] as const);
  return applyDecorators(
    SetMetadata(SNAPSHOT_DATA, { table } satisfies SnapshotDataOptions),
    ApiProduces(...formats.map((f) => MEDIA_TYPES[f])),
    ApiQuery({ name: 'format', required: false, enum: formats, description: 'Overrides the Accept header' }),
    ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier answer: 304 while the snapshot is unchanged' }),
    ApiResponse({ status: 304, description: 'Not modified: same snapshot' }),
    ApiResponse({ status: 503, description: 'No snapshot published yet' }),
  );
}
