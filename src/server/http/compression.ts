import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Paths whose answers are never compressed. They carry secrets (session cookies and API tokens
 * under /api/auth; the mail outbox holds password and invitation links) next to text a caller
 * can choose, which is what a compression side channel (BREACH) needs to guess a secret from the
 * size of an encrypted answer. These answers are small or rare, so nothing is lost.
 */
const NEVER_COMPRESSED = ['/api/auth/', '/api/v1/admin/outbox'];

export function isNeverCompressed(url: string): boolean {
  return NEVER_COMPRESSED.some(
    (prefix) => url === prefix.replace(/\/$/, '') || url.startsWith(prefix),
  );
}

/**
 * Compresses JSON (and other text) answers above 1 KB with Brotli or gzip, as the client accepts.
 * Register before the routes: it is added to each route as the route is declared. The built web
 * app's files are compressed at build time instead (web-app.ts), so they are not compressed again.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Runs before @fastify/compress's own hook (hooks run in the order they were added).
  app.addHook('onRoute', (route) => {
    if (isNeverCompressed(route.url ?? route.path ?? '')) route.compress = false;
  });
  await app.register(compress, {
    global: true,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    // Request bodies are taken as sent: no inflating what a client compressed (bodyLimit counts
    // what arrives, and the identity mount passes the raw body on untouched).
    globalDecompression: false,
  });
}
