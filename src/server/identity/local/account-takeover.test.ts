import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  setPasswordThroughLink,
  signIn,
  TEST_PASSWORD,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { createWaitlistTestApp } from '../../../../test/support/waitlist-app.ts';
import { mailOutbox } from '../../mail/schema.ts';
import { roleOf } from '../port.ts';
import { auth_account, auth_user } from './schema.ts';

let harness: Awaited<ReturnType<typeof createWaitlistTestApp>>;
const attackersPassword = 'the attackers own password';

beforeAll(async () => {
  harness = await createWaitlistTestApp();
});
afterAll(() => harness.app.close());

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

function signUp(email: string, name: string, extra: Record<string, unknown> = {}) {
  return signUpTo(harness.app, email, name, extra);
}

function signUpTo(app: TestApp, email: string, name: string, extra: Record<string, unknown> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    remoteAddress: uniqueClientAddress(),
    payload: { email, name, ...extra },
  });
}

function mailsTo(app: TestApp, email: string) {
  return app.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
}

/** The links of every "choose your password" mail an address received, oldest first. */
async function passwordLinks(app: TestApp, email: string): Promise<string[]> {
  return (await mailsTo(app, email))
    .filter((mail) => /confirm your email/i.test(mail.subject))
    .map((mail) => mail.text.match(/https?:\/\/\S+/)?.[0] ?? '');
}

async function roleByEmail(app: TestApp, email: string) {
  await app.identity.events.drain();
  return roleOf((await app.identity.provider.users.findByEmail(email))?.publicMetadata);
}

async function approve(email: string, role: 'coach' | 'client') {
  const response = await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email, role });
  expect(response.statusCode).toBe(201);
}

describe('signing up an approved email before its owner', () => {
  it('leaves the attacker holding nothing, whichever mail the owner opens', async () => {
    const victim = uniqueEmail('victim');
    await approve(victim, 'coach');

    // The attacker signs up first, with a password of their choosing: it is not even read.
    expect((await signUp(victim, 'Mallory', { password: attackersPassword })).statusCode).toBe(200);
    expect((await signIn(harness.app, victim, attackersPassword)).statusCode).toBe(401);

    // The owner signs up too and, unlike before, gets a mail of their own.
    expect((await signUp(victim, 'Victor')).statusCode).toBe(200);
    const links = await passwordLinks(harness.app, victim);
    expect(links).toHaveLength(2);

    // The owner opens the first mail (the one the attacker's sign-up caused) and chooses a password.
    expect(
      (await setPasswordThroughLink(harness.app, links[0] ?? '', TEST_PASSWORD)).statusCode,
    ).toBe(200);
    expect(await roleByEmail(harness.app, victim)).toBe('coach');
    expect((await signIn(harness.app, victim, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(harness.app, victim, attackersPassword)).statusCode).toBe(401);

    // Every other link died with the first one used.
    const second = new URL(links[1] ?? '');
    const opened = await harness.app.inject({
      method: 'GET',
      url: second.pathname + second.search,
    });
    expect(new URL(opened.headers.location as string).searchParams.get('error')).toBe(
      'INVALID_TOKEN',
    );
    // And signing up again now only tells the owner they have an account.
    await signUp(victim, 'Mallory');
    expect((await signIn(harness.app, victim, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('wipes a password an earlier sign-up left on an unconfirmed account', async () => {
    const victim = uniqueEmail('legacy-victim');
    await approve(victim, 'client');
    await createUnconfirmedWithPassword(harness.app, victim, attackersPassword);
    expect((await signIn(harness.app, victim, attackersPassword)).statusCode).toBe(403);

    await signUp(victim, 'Victor');
    const link = (await passwordLinks(harness.app, victim)).at(-1) ?? '';
    expect((await setPasswordThroughLink(harness.app, link, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await roleByEmail(harness.app, victim)).toBe('client');
    expect((await signIn(harness.app, victim, attackersPassword)).statusCode).toBe(401);
    expect((await signIn(harness.app, victim, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does the same for an ADMIN_EMAILS address before its owner proves it', async () => {
    const owner = uniqueEmail('owner');
    const app = await createTestApp({ signUpMode: 'waitlist', adminEmails: [owner] });
    try {
      expect(
        (await signUpTo(app, owner, 'Mallory', { password: attackersPassword })).statusCode,
      ).toBe(200);
      expect((await signUpTo(app, owner, 'Olive')).statusCode).toBe(200);
      const [first] = await passwordLinks(app, owner);
      expect((await setPasswordThroughLink(app, first ?? '', TEST_PASSWORD)).statusCode).toBe(200);
      expect(await roleByEmail(app, owner)).toBe('admin');
      expect((await signIn(app, owner, attackersPassword)).statusCode).toBe(401);
      expect((await signIn(app, owner, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('what sign-up reveals', () => {
  it('answers approved, unknown, rejected and registered addresses identically', async () => {
    const approved = uniqueEmail('approved');
    await approve(approved, 'client');
    const rejected = uniqueEmail('rejected');
    await harness.app.inject({
      method: 'POST',
      url: '/api/v1/waitlist',
      remoteAddress: uniqueClientAddress(),
      payload: { email: rejected, role: 'coach' },
    });
    await harness.asAdmin('POST', '/api/v1/admin/waitlist/reject', { emails: [rejected] });
    const answers = [];
    for (const email of [approved, uniqueEmail('unknown'), rejected, harness.adminEmail]) {
      const response = await signUp(email, 'Someone', { password: 'short' });
      answers.push({ status: response.statusCode, body: response.json() });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.status).toBe(200);
    // The owner of a refused address learns why, by mail only.
    const [refusal] = (await mailsTo(harness.app, rejected)).slice(-1);
    expect(refusal?.text).toMatch(/not approved yet/);
    expect(await harness.app.identity.provider.users.findByEmail(rejected)).toBeNull();
  });

  it('is rate limited per client address before anything is looked at', async () => {
    const address = uniqueClientAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await harness.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        remoteAddress: address,
        // Invalid bodies count too: the limit comes before validation.
        payload: attempt % 2 ? { email: uniqueEmail('probe'), name: 'P' } : { email: 'nope' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(statuses.slice(0, 10)).not.toContain(429);
  });

  it('mails one address at most three times an hour, whoever asks', async () => {
    const email = uniqueEmail('flooded');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await signUp(email, 'Flood')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await mailsTo(harness.app, email)).toHaveLength(3);
  });
});

/** What the sign-up before this fix left behind: an unconfirmed user holding a chosen password. */
async function createUnconfirmedWithPassword(app: TestApp, email: string, password: string) {
  const id = `legacy_${randomUUID()}`;
  const now = new Date();
  await app.database.db.insert(auth_user).values({
    id,
    email,
    name: 'Mallory',
    emailVerified: false,
    createdAt: now,
    updatedAt: now,
  });
  await app.database.db.insert(auth_account).values({
    id: `acc_${id}`,
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(password),
    createdAt: now,
    updatedAt: now,
  });
}
