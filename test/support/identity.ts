import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { GrantableRole } from '../../src/server/identity/port.ts';
import { mailOutbox } from '../../src/server/mail/schema.ts';
import type { createTestApp } from './app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const TEST_PASSWORD = 'correct horse battery staple';

/** Sign-up is rate limited per client address; each test person comes from an address of its own. */
export function uniqueClientAddress(): string {
  const part = () => Math.floor(Math.random() * 250) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}.${randomUUID().slice(0, 8)}@example.com`;
}

function cookieHeader(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
}

/** The newest mail the outbox holds for an address, and the first link in it. */
export async function latestMailTo(app: TestApp, email: string) {
  const [mail] = await app.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, email.toLowerCase()))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  return { mail, link };
}

export async function fetchToken(app: FastifyInstance, cookie: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/api/auth/token', headers: { cookie } });
  if (response.statusCode !== 200)
    throw new Error(`token: ${response.statusCode} ${response.body}`);
  return response.json().token;
}

/** Opens a mailed password link and sets `password` with it, as the set-password page does. */
export async function setPasswordThroughLink(app: FastifyInstance, link: string, password: string) {
  const url = new URL(link);
  const opened = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
  const location = opened.headers.location;
  if (opened.statusCode !== 302 || typeof location !== 'string')
    throw new Error(`open link: ${opened.statusCode} ${opened.body}`);
  const token = new URL(location, url).searchParams.get('token');
  if (!token) throw new Error(`open link: redirected to ${location}`);
  return app.inject({
    method: 'POST',
    url: '/api/auth/reset-password',
    remoteAddress: uniqueClientAddress(),
    payload: { token, newPassword: password },
  });
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress: uniqueClientAddress(),
    payload: { email, password },
  });
}

/** A session cookie for `email`, signed in with its password. */
export async function sessionCookie(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const response = await signIn(app, email, password);
  if (response.statusCode !== 200)
    throw new Error(`sign-in: ${response.statusCode} ${response.body}`);
  return cookieHeader(response.headers['set-cookie']);
}

/**
 * Signs up through the real endpoints: name and email, then the mailed link from the outbox, where
 * the password is chosen (which confirms the address), then signs in.
 */
export async function signUpAndVerify(app: TestApp, input: { email?: string; name?: string } = {}) {
  const email = input.email ?? uniqueEmail();
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    remoteAddress: uniqueClientAddress(),
    payload: { email, name: input.name ?? 'Test Person' },
  });
  if (signUp.statusCode !== 200) throw new Error(`sign-up: ${signUp.statusCode} ${signUp.body}`);
  const { link } = await latestMailTo(app, email);
  if (!link) throw new Error('no link in the sign-up mail');
  const set = await setPasswordThroughLink(app, link, TEST_PASSWORD);
  if (set.statusCode !== 200) throw new Error(`set password: ${set.statusCode} ${set.body}`);
  await app.identity.events.drain();
  const cookie = await sessionCookie(app, email);
  const token = await fetchToken(app, cookie);
  const user = await app.identity.provider.users.findByEmail(email);
  if (!user) throw new Error('user not created');
  return { email, userId: user.id, cookie, token };
}

/** A verified user holding `role`, with a token issued after the role was granted. */
export async function signedInAs(
  app: TestApp,
  role: GrantableRole | 'pending',
  input: { email?: string } = {},
) {
  const person = await signUpAndVerify(app, input);
  if (role === 'pending') return person;
  await app.identity.provider.users.updatePublicMetadata(person.userId, { primary_role: role });
  app.identity.authority.invalidate(person.userId);
  return { ...person, token: await fetchToken(app, person.cookie) };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
