import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiNotFound } from './error-handler.ts';
import { policyAllowingStyles } from './security-headers.ts';

// Vite names every file under assets/ by its content hash, so those may be cached for good.
const HASHED_ASSET = `${path.sep}assets${path.sep}`;
const NOT_PAGES = ['/api/', '/webhooks/', '/healthz', '/readyz'];
/** `/`: the landing page, pre-rendered with its own small script (vite.config.ts). */
const LANDING_PAGE = 'landing.html';

/**
 * The landing page's CSP: ours, with its inline stylesheet (vite.config.ts) allowed by its hash, so
 * that no other inline style is.
 */
async function landingPagePolicy(file: string): Promise<string> {
  const html = readFileSync(file, 'utf8');
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css = '']) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  );
  return policyAllowingStyles(hashes);
}

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (NOT_PAGES.some((prefix) => request.url.startsWith(prefix))) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built React app: static files, `landing.html` at `/`, and `index.html` for any other
 * page URL so that the client-side router can take it (SPA fallback). API paths keep their JSON
 * 404. Files go out pre-compressed (Brotli, else gzip) when the browser accepts it.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(path.join(distDir, 'index.html'));
  const landingFile = path.join(distDir, LANDING_PAGE);
  const landingPolicy = existsSync(landingFile) ? await landingPagePolicy(landingFile) : undefined;
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      // `/` is the route below: with a pre-compressed copy this plugin would send index.html.
      index: false,
      cacheControl: false,
      // `npm run build` writes a Brotli and a gzip copy beside each text file (vite.config.ts):
      // sent as they are to a browser that accepts them, with no compressing per request.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(HASHED_ASSET) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        if (landingPolicy && path.basename(filePath).startsWith(LANDING_PAGE)) {
          reply.header('content-security-policy', landingPolicy);
        }
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile(LANDING_PAGE));
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
