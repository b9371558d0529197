/**
 * gzip and brotli by Accept-Encoding for every answer worth it: JSON, CSV, Arrow, the dashboard's
 * scripts and styles. Brotli at quality 4 (the plugin's default) costs about what gzip does.
 */
import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Smaller answers go as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

// The plugin's own list (text, JSON, XML) plus JavaScript, SVG and Arrow IPC streams.
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|^application\/javascript(?:;|$)|^application\/vnd\.apache\.arrow\.(?:stream|file)(?:;|$)/;

export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE,
  });
}
