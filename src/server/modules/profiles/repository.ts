// The SQL of profiles; every call is scoped by the identity user id it reads or writes.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { type Profile, profiles } from './schema.ts';

export type NewProfile = typeof profiles.$inferInsert;
export type ProfileChanges = Partial<
  Pick<
    NewProfile,
    'firstName' | 'lastName' | 'headline' | 'bio' | 'timezone' | 'coachData' | 'clientData'
  >
>;

export async function findProfile(db: Database, userId: string): Promise<Profile | undefined> {
  const statement = prepared(db, 'profile-of-user', () =>
    db
      .select()
      .from(profiles)
      .where(eq(profiles.identityUserId, sql.placeholder('userId')))
      .prepare('arete_profile_of_user'),
  );
  const [row] = await statement.execute({ userId });
  return row;
}

/** Read on every list of a user's tenants: one indexed column, a prepared statement. */
export async function primaryOrganizationOf(db: Database, userId: string): Promise<string | null> {
  const statement = prepared(db, 'primary-organization', () =>
    db
      .select({ id: profiles.primaryOrganizationId })
      .from(profiles)
      .where(eq(profiles.identityUserId, sql.placeholder('userId')))
      .prepare('arete_primary_organization'),
  );
  const [row] = await statement.execute({ userId });
  return row?.id ?? null;
}

/** Inserts the profile; `undefined` when the user already has one (unique identity user id). */
export async function insertProfile(
  db: Database,
  profile: NewProfile,
): Promise<Profile | undefined> {
  const [row] = await db
    .insert(profiles)
    .values(profile)
    .onConflictDoNothing({ target: profiles.identityUserId })
    .returning();
  return row;
}

export async function updateProfile(
  db: Database,
  userId: string,
  changes: ProfileChanges,
): Promise<Profile | undefined> {
  const [row] = await db
    .update(profiles)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(profiles.identityUserId, userId))
    .returning();
  return row;
}
