// Helpers for the relationships, member and coaching-interest tests: coaches with a practice, their
// invitations (sent by the job runner), and direct reads of the relationships table.
import { eq } from 'drizzle-orm';
import { relationships } from '../../src/server/modules/relationships/schema.ts';
import type { createTestApp } from './app.ts';
import { signedInAs, uniqueEmail } from './identity.ts';
import { as, type Person } from './tenants.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export type Coach = Person & { practiceId: string };

export type CoachInput = {
  firstName?: string;
  lastName?: string;
  headline?: string;
  practiceName?: string;
  specialties?: string[];
  /** In the coach directory (`GET /coaches`). Default false. */
  listed?: boolean;
};

/** Onboards `person` (a user with the coach role) as a coach: profile and practice, one step. */
export async function onboardCoach(
  app: TestApp,
  person: Person,
  input: CoachInput = {},
): Promise<Coach> {
  const response = await as(app, person).post('/api/v1/profiles/coach', {
    profile: {
      firstName: input.firstName ?? 'Ada',
      lastName: input.lastName ?? 'Lovelace',
      timezone: 'Europe/London',
      ...(input.headline ? { headline: input.headline } : {}),
    },
    practice: {
      name: input.practiceName ?? 'Lovelace Coaching',
      specialties: input.specialties ?? ['leadership'],
      experience_years: 10,
      philosophy: 'Ask better questions.',
      listed: input.listed ?? false,
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`coach onboarding: ${response.statusCode} ${response.body}`);
  return { ...person, practiceId: response.json().tenant.identityOrgId };
}

/** A new user with the coach role, onboarded with a practice. */
export async function coachWithPractice(app: TestApp, input: CoachInput = {}): Promise<Coach> {
  return onboardCoach(app, await signedInAs(app, 'coach'), input);
}

/** A profile for `person`, so that the other side sees their name. */
export async function giveProfile(
  app: TestApp,
  person: Person,
  name: { firstName: string; lastName: string },
): Promise<void> {
  const response = await as(app, person).post('/api/v1/users/me/profile', {
    ...name,
    timezone: 'Europe/Paris',
  });
  if (response.statusCode !== 201)
    throw new Error(`profile: ${response.statusCode} ${response.body}`);
}

/** The coach invites `email`; the job runner then sends the provider's invitation. */
export async function inviteClient(
  app: TestApp,
  coach: Person,
  email: string,
  message?: string,
): Promise<{ id: string; invitationId: string }> {
  const response = await as(app, coach).post('/api/v1/relationships/invite', {
    email,
    ...(message ? { message } : {}),
  });
  if (response.statusCode !== 201)
    throw new Error(`invite: ${response.statusCode} ${response.body}`);
  const { id } = response.json();
  await app.jobs.drain();
  const row = await relationshipRow(app, id);
  if (!row.invitationId) throw new Error(`invite: no provider invitation (${row.invitationError})`);
  return { id, invitationId: row.invitationId };
}

/** The relationship as stored (not as the API shows it). */
export async function relationshipRow(app: TestApp, id: string) {
  const [row] = await app.database.db.select().from(relationships).where(eq(relationships.id, id));
  if (!row) throw new Error(`no relationship ${id}`);
  return row;
}

/** Moves a relationship's stored expiry into the past (or anywhere). */
export async function setExpiry(app: TestApp, id: string, expiresAt: Date): Promise<void> {
  await app.database.db.update(relationships).set({ expiresAt }).where(eq(relationships.id, id));
}

/** A coach with a practice and a client in an active relationship (invited, then accepted). */
export async function activeRelationship(app: TestApp) {
  const coach = await coachWithPractice(app);
  const email = uniqueEmail('client');
  const { id } = await inviteClient(app, coach, email);
  const client = await signedInAs(app, 'client', { email });
  const accepted = await as(app, client).post(`/api/v1/relationships/${id}/respond`, {
    accept: true,
  });
  if (accepted.statusCode !== 200)
    throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  return { coach, client, relationshipId: id as string };
}
