import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { bearer, signedInAs, signUpAndVerify } from '../../../../test/support/identity.ts';
import { escapeLike } from '../../db/like.ts';
import { insertOutboxMail } from '../../mail/repository.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('GET /api/v1/admin/outbox', () => {
  it('lets an admin read the mail kept instead of sent, filtered by recipient', async () => {
    const admin = await signedInAs(app, 'admin');
    const person = await signUpAndVerify(app);
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/outbox?to=${encodeURIComponent(person.email)}`,
      headers: bearer(admin.token),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.totalCount).toBe(1);
    expect(body.data[0]).toMatchObject({
      to: person.email,
      subject: expect.stringMatching(/confirm your email/i),
    });
    expect(body.data[0].text).toContain('/api/auth/reset-password/');
  });

  it('matches part of an address, in any case, with % and _ standing for themselves', async () => {
    const admin = await signedInAs(app, 'admin');
    for (const to of [
      'under_score@partial.test',
      'underXscore@partial.test',
      '100%@partial.test',
    ]) {
      await insertOutboxMail(app.database.db, { to, subject: `To ${to}`, text: 'Hello' });
    }
    const recipients = async (to: string) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/admin/outbox?to=${encodeURIComponent(to)}`,
        headers: bearer(admin.token),
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.totalCount).toBe(body.data.length);
      return body.data.map((mail: { to: string }) => mail.to).sort();
    };
    expect(await recipients('PARTIAL.test')).toEqual([
      '100%@partial.test',
      'under_score@partial.test',
      'underxscore@partial.test',
    ]);
    expect(await recipients('under_')).toEqual(['under_score@partial.test']);
    expect(await recipients('0%@')).toEqual(['100%@partial.test']);
    expect(await recipients('%')).toEqual(['100%@partial.test']);
    expect(await recipients('  underx ')).toEqual(['underxscore@partial.test']);
    expect(await recipients('nobody-has-this')).toEqual([]);
  });

  it('refuses a bad filter and every role but admin', async () => {
    const admin = await signedInAs(app, 'admin');
    const bad = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/outbox?to=${'a'.repeat(255)}&pageSize=0`,
      headers: bearer(admin.token),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['querystring.pageSize', 'querystring.to']);
    const control = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/outbox?to=${encodeURIComponent('a\u0000b')}`,
      headers: bearer(admin.token),
    });
    expect(control.statusCode).toBe(400);
    for (const role of ['coach', 'client', 'pending'] as const) {
      const person = await signedInAs(app, role);
      const refused = await app.inject({
        method: 'GET',
        url: '/api/v1/admin/outbox',
        headers: bearer(person.token),
      });
      expect(refused.statusCode, role).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(401);
  });
});

describe('escapeLike', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
    expect(escapeLike('plain@example.com')).toBe('plain@example.com');
  });
});

describe('GET /api/v1/config', () => {
  it('answers anyone with the public settings of the embedded provider', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      identityProvider: 'local',
      clerkPublishableKey: null,
      clerkProxyUrl: null,
      signUpMode: 'open',
      mailTransport: 'outbox',
    });
  });
});
