import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPRESSION_THRESHOLD_BYTES,
  isNeverCompressed,
  registerCompression,
} from './compression.ts';

const big = {
  items: Array.from({ length: 100 }, (_, index) => ({ index, name: `item ${index}` })),
};
const app = Fastify();

beforeAll(async () => {
  await registerCompression(app);
  app.get('/api/v1/big', () => big);
  app.get('/api/v1/small', () => ({ ok: true }));
  app.get('/api/auth/token', () => big);
  app.get('/api/v1/admin/outbox', () => big);
  await app.ready();
});
afterAll(() => app.close());

describe('compressing answers', () => {
  it('sends JSON above the threshold with Brotli when the client takes it', async () => {
    expect(JSON.stringify(big).length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
    const response = await app.inject({
      url: '/api/v1/big',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.rawPayload.length).toBeLessThan(JSON.stringify(big).length);
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toEqual(big);
  });

  it('falls back to gzip, and to nothing for a client that takes neither', async () => {
    const gzip = await app.inject({ url: '/api/v1/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(big);
    const plain = await app.inject({ url: '/api/v1/big', headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(big);
  });

  it('sends small answers as they are', async () => {
    const response = await app.inject({
      url: '/api/v1/small',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toEqual({ ok: true });
  });

  it('never compresses answers that carry secrets (sessions, tokens, mailed links)', async () => {
    for (const url of ['/api/auth/token', '/api/v1/admin/outbox']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.headers['content-encoding'], url).toBeUndefined();
    }
    expect(isNeverCompressed('/api/auth/sign-in/email')).toBe(true);
    expect(isNeverCompressed('/api/v1/admin/outbox?to=a')).toBe(true);
    expect(isNeverCompressed('/api/v1/admin/waitlist')).toBe(false);
  });
});
