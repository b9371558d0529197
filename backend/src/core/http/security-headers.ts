/**
 * Security headers on every answer (API, dashboard, /api/docs, errors), by @fastify/helmet's onRequest
 * hook. The policy allows only this origin's own scripts, styles and data: the dashboard renders Vega
 * with its expression interpreter (no eval) and sets styles through the DOM, never inline.
 */
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const SELF = "'self'";

export const CONTENT_SECURITY_POLICY = {
  'default-src': [SELF],
  'base-uri': [SELF],
  'script-src': [SELF],
  'style-src': [SELF],
  // data: for the favicon of index.html and the images Swagger UI inlines.
  'img-src': [SELF, 'data:'],
  'font-src': [SELF],
  'connect-src': [SELF],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': [SELF],
} as const;

// Swagger UI's page has inline <style> blocks and style attributes; its scripts stay same-origin only.
const DOCS_CONTENT_SECURITY_POLICY = { ...CONTENT_SECURITY_POLICY, 'style-src': [SELF, "'unsafe-inline'"] };

export function serialize(policy: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyHelmet, {
    // useDefaults: false drops upgrade-insecure-requests, which would break the plain-HTTP deployments
    // the README describes (HOST=0.0.0.0 on a district's network).
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY as unknown as Record<string, string[]> },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const docsPolicy = serialize(DOCS_CONTENT_SECURITY_POLICY);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.url === '/api/docs' || request.url.startsWith('/api/docs/')) reply.header('Content-Security-Policy', docsPolicy);
    });
}
