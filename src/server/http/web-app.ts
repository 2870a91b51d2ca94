import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiNotFound } from './error-handler.ts';

// Vite names every file under assets/ by its content hash, so those may be cached for good.
const HASHED_ASSET = `${path.sep}assets${path.sep}`;
const NOT_PAGES = ['/api/', '/webhooks/', '/healthz', '/readyz'];

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (NOT_PAGES.some((prefix) => request.url.startsWith(prefix))) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built React app: static files, and `index.html` for any other page URL so that the
 * client-side router can take it (SPA fallback). API paths keep their JSON 404. Files go out
 * pre-compressed (Brotli, else gzip) when the browser accepts it.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      cacheControl: false,
      // `npm run build` writes a Brotli and a gzip copy beside each text file (vite.config.ts):
      // sent as they are to a browser that accepts them, with no compressing per request.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(HASHED_ASSET) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!wantsPage(request)) return apiNotFound(request, reply);
    if (!built) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The web app is not built yet: run `npm run build`, or use `npm run dev`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
