import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { loggerOptions, urlForLog } from './logging.ts';

describe('what request logs may carry', () => {
  it('replaces link tokens in paths and queries', () => {
    expect(urlForLog('/api/auth/reset-password/AbC123?callbackURL=%2Fset-password')).toBe(
      '/api/auth/reset-password/[redacted]?callbackURL=%2Fset-password',
    );
    expect(urlForLog('/set-password?email=a%40b.c&token=AbC123')).toBe(
      '/set-password?email=a%40b.c&token=[redacted]',
    );
    expect(urlForLog('/api/v1/users/me?page=2')).toBe('/api/v1/users/me?page=2');
  });

  it('never writes a token, a password or a cookie to the log', async () => {
    const lines: string[] = [];
    const app = Fastify({
      logger: {
        ...(loggerOptions(testConfig({ logLevel: 'info' })) as object),
        stream: { write: (line: string) => lines.push(line) },
      },
    });
    app.post('/api/auth/reset-password/:token', async (request) => {
      request.log.info({ body: request.body }, 'handled');
      return {};
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password/SECRETTOKEN123?token=SECRETTOKEN456',
      headers: { cookie: 'session=SECRETCOOKIE', authorization: 'Bearer SECRETBEARER' },
      payload: { newPassword: 'SECRETPASSWORD', token: 'SECRETTOKEN789' },
    });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('[redacted]');
    expect(log).not.toMatch(/SECRET/);
  });
});
