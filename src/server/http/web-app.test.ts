import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.ts';

const distDir = mkdtempSync(path.join(tmpdir(), 'arete-web-'));
const html = { accept: 'text/html,application/xhtml+xml' };
const APP_SCRIPT = `export const words = ${JSON.stringify('arete '.repeat(400))};\n`;
const LANDING_STYLE = 'main{color:teal}';
const LANDING_HTML = `<!doctype html><style>${LANDING_STYLE}</style><div id="root"><main>Arete</main></div>`;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  mkdirSync(path.join(distDir, 'assets'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const landing = path.join(distDir, 'landing.html');
  writeFileSync(landing, LANDING_HTML);
  writeFileSync(`${landing}.br`, brotliCompressSync(LANDING_HTML));
  writeFileSync(`${landing}.gz`, gzipSync(LANDING_HTML));
  writeFileSync(path.join(distDir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  // As `npm run build` leaves them: a Brotli and a gzip copy beside a script.
  const script = path.join(distDir, 'assets', 'app-5b7e2d.js');
  writeFileSync(script, APP_SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(APP_SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(APP_SCRIPT));
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await createTestApp({ webDistDir: distDir });
});
afterAll(async () => {
  await app.close();
  rmSync(distDir, { recursive: true, force: true });
});

describe('serving the built web app', () => {
  it('serves the pre-rendered landing page at / without caching it', async () => {
    const response = await app.inject({ method: 'GET', url: '/', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(LANDING_HTML);
    expect(response.headers['cache-control']).toBe('no-cache');
    // Its inline stylesheet, and only that, is allowed by its hash.
    const hash = createHash('sha256').update(LANDING_STYLE).digest('base64');
    expect(response.headers['content-security-policy']).toContain(
      `style-src 'self' 'sha256-${hash}'`,
    );
    const other = await app.inject({ method: 'GET', url: '/member/coaching', headers: html });
    expect(other.headers['content-security-policy']).toMatch(/style-src 'self'(;|$)/);
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const compressed = await app.inject({
        method: 'GET',
        url: '/',
        headers: { ...html, 'accept-encoding': encoding },
      });
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers['content-security-policy']).toContain(hash);
      expect(decode(compressed.rawPayload).toString()).toBe(LANDING_HTML);
    }
  });

  it('caches hashed assets for good and other files not at all', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends a built asset pre-compressed with Brotli when the browser accepts it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/app-5b7e2d.js',
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(APP_SCRIPT);
  });

  it('sends the gzip copy to a browser without Brotli, and the file itself to one with neither', async () => {
    const gzip = await app.inject({
      method: 'GET',
      url: '/assets/app-5b7e2d.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(APP_SCRIPT);
    const plain = await app.inject({
      method: 'GET',
      url: '/assets/app-5b7e2d.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(APP_SCRIPT);
  });

  it('answers any other page URL with index.html for the client-side router', async () => {
    const response = await app.inject({ method: 'GET', url: '/member/coaching', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toBe('<!doctype html><div id="root"></div>');
  });

  it('keeps a 404 for missing files and for requests that do not want a page', async () => {
    const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect(missingAsset.statusCode).toBe(404);
    const post = await app.inject({ method: 'POST', url: '/member/coaching', headers: html });
    expect(post.statusCode).toBe(404);
    expect(post.json().error).toBe('not_found');
  });

  it('never answers an API path with the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/unknown', headers: html });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('not_found');
  });
});

describe('before the web app is built', () => {
  it('says how to build it instead of failing obscurely', async () => {
    const unbuilt = await createTestApp({ webDistDir: path.join(distDir, 'missing') });
    try {
      const response = await unbuilt.inject({ method: 'GET', url: '/', headers: html });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build');
    } finally {
      await unbuilt.close();
    }
  });
});
