import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { NotFoundError } from '../core/errors.js';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Osservatorio</title></head>
<body><h1>Osservatorio</h1>
<p>L'interfaccia non è ancora compilata: eseguire <code>npm run build</code>. · The frontend is not built yet: run <code>npm run build</code>.</p>
<p>API: <a href="/api/docs">/api/docs</a></p></body></html>
`;

/**
 * The built frontend: a file of the frontend folder if one matches the path, else index.html, so the
 * single-page app handles its own routes. Routes under /api/ that no controller has are 404s.
 */
@ApiExcludeController()
@Controller()
export class FrontendController {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.resolve(config.frontendDir);
  }

  @Get('*')
  async serve(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const pathname = request.url.split('?', 1)[0]!;
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      throw new NotFoundError({ it: `Nessun endpoint GET ${pathname}: l'API è descritta in /api/docs`, en: `No endpoint GET ${pathname}: the API is described at /api/docs` });
    }
    if (!(await this.isFile('index.html'))) return reply.status(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    const relative = safeRelativePath(pathname);
    const file = relative !== null && (await this.isFile(relative)) ? relative : 'index.html';
    // A hashed asset's name changes with its content: it can be kept for good. Anything else is
    // revalidated (ETag, Last-Modified) on every use, so a new build shows at once.
    return reply.header('Cache-Control', HASHED_ASSET.test(file) ? IMMUTABLE : 'no-cache').sendFile(file, { cacheControl: false });
  }

  private async isFile(relative: string): Promise<boolean> {
    try {
      return (await stat(path.join(this.root, relative))).isFile();
    } catch {
      return false;
    }
  }
}

// Vite's build names: assets/index-B3xk9Lqa.js, assets/vega-CGz_1x0d.css.
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The request path as a path inside the frontend folder, or null if it is not one. */
function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  return relative === '' || relative.startsWith('..') || relative.includes('\0') ? null : relative;
}
