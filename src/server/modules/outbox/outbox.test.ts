import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { bearer, signedInAs, signUpAndVerify } from '../../../../test/support/identity.ts';

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

  it('refuses a bad filter and every role but admin', async () => {
    const admin = await signedInAs(app, 'admin');
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/outbox?to=nobody&pageSize=0',
      headers: bearer(admin.token),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((issue: { path: string }) => issue.path)
        .sort(),
    ).toEqual(['querystring.pageSize', 'querystring.to']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/config', () => {
  it('answers anyone with the public settings of the embedded provider', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      identityProvider: 'local',
      clerkPublishableKey: null,
      signUpMode: 'open',
      mailTransport: 'outbox',
    });
  });
});
