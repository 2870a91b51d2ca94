// The rules of profiles (seed 002 steps 3–4, seed 000): one profile per identity user; coach and
// client onboarding make the profile together with the organization, the provider first.
import type {
  ClientOnboardingBody,
  CoachOnboardingBody,
  CreateProfileBody,
  Onboarded,
  ProfileView,
  UpdateProfileBody,
} from '../../../contract/profiles.ts';
import { BadRequestError, ConflictError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { IdentityOrganization, OrganizationRole } from '../../identity/port.ts';
import {
  afterJoining,
  createOrganizationInProvider,
  getTenant,
  recordJoinedOrganization,
  shareAnOrganization,
  type TenantsServiceDeps,
} from '../tenants/service.ts';
import { findProfile, insertProfile, type NewProfile, updateProfile } from './repository.ts';
import type { Profile } from './schema.ts';

export type ProfilesDeps = TenantsServiceDeps & {
  /** Whether the two users are, or were, in a coaching relationship (the relationships module). */
  shareARelationship(userId: string, otherUserId: string): Promise<boolean>;
};

export function toProfileView(profile: Profile): ProfileView {
  return {
    identityUserId: profile.identityUserId,
    firstName: profile.firstName,
    lastName: profile.lastName,
    headline: profile.headline,
    bio: profile.bio,
    timezone: profile.timezone,
    coachData: profile.coachData ?? null,
    clientData: profile.clientData ?? null,
    primaryOrganizationId: profile.primaryOrganizationId,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** Coach data belongs to coaches' profiles and client data to clients'. */
function refuseDataOfAnotherRole(
  caller: Caller,
  body: { coachData?: unknown; clientData?: unknown },
): void {
  if (body.coachData && caller.role !== 'coach')
    throw new BadRequestError('coachData: only a coach’s profile has coach data.');
  if (body.clientData && caller.role !== 'client')
    throw new BadRequestError('clientData: only a client’s profile has client data.');
}

async function refuseSecondProfile(deps: ProfilesDeps, userId: string): Promise<void> {
  const existing = await findProfile(deps.db, userId);
  // 409 with the profile that exists, so that a retried onboarding can carry on.
  if (existing) throw new ConflictError('You already have a profile.', toProfileView(existing));
}

/** The insert found a profile in the way: answer 409 with it. */
async function existingProfileConflict(deps: ProfilesDeps, userId: string): Promise<never> {
  await refuseSecondProfile(deps, userId);
  // Made and deleted again in between: rare enough that trying again is the answer.
  throw new ConflictError('Your profile changed meanwhile; try again.');
}

function newProfile(
  userId: string,
  body: CreateProfileBody,
  primaryOrganizationId: string | null,
): NewProfile {
  return {
    identityUserId: userId,
    firstName: body.firstName,
    lastName: body.lastName,
    headline: body.headline ?? null,
    bio: body.bio ?? null,
    timezone: body.timezone ?? null,
    coachData: body.coachData ?? null,
    clientData: body.clientData ?? null,
    primaryOrganizationId,
  };
}

export async function getMyProfile(deps: ProfilesDeps, caller: Caller): Promise<ProfileView> {
  const profile = await findProfile(deps.db, caller.userId);
  if (!profile) throw new NotFoundError('Profile');
  return toProfileView(profile);
}

export async function createMyProfile(
  deps: ProfilesDeps,
  caller: Caller,
  body: CreateProfileBody,
): Promise<ProfileView> {
  refuseDataOfAnotherRole(caller, body);
  const created = await insertProfile(deps.db, newProfile(caller.userId, body, null));
  if (!created) return existingProfileConflict(deps, caller.userId);
  return toProfileView(created);
}

export async function updateMyProfile(
  deps: ProfilesDeps,
  caller: Caller,
  body: UpdateProfileBody,
): Promise<ProfileView> {
  refuseDataOfAnotherRole(caller, body);
  const updated = await updateProfile(deps.db, caller.userId, body);
  if (!updated) throw new NotFoundError('Profile');
  return toProfileView(updated);
}

/**
 * What people who share an organization or a coaching relationship with the user see (anyone else:
 * 404, as if there were no such profile).
 */
export async function getProfileSummary(deps: ProfilesDeps, caller: Caller, userId: string) {
  const visible =
    userId === caller.userId ||
    (await deps.shareARelationship(caller.userId, userId)) ||
    (await shareAnOrganization(deps, caller.userId, userId));
  if (!visible) throw new NotFoundError('Profile');
  const profile = await findProfile(deps.db, userId);
  if (!profile) throw new NotFoundError('Profile');
  return {
    identityUserId: profile.identityUserId,
    firstName: profile.firstName,
    lastName: profile.lastName,
    headline: profile.headline,
    primaryOrganizationId: profile.primaryOrganizationId,
  };
}

/**
 * The local half of onboarding, in one transaction: the tenant, the membership and the profile.
 * Another request that made the profile first wins; this one answers 409 with it.
 */
async function recordOnboarding(
  deps: ProfilesDeps,
  caller: Caller,
  organization: IdentityOrganization,
  role: OrganizationRole,
  profile: NewProfile,
): Promise<Onboarded> {
  const created = await deps.db.transaction(async (tx) => {
    await recordJoinedOrganization(tx, organization, caller.userId, role);
    return insertProfile(tx, profile);
  });
  if (!created) return existingProfileConflict(deps, caller.userId);
  await afterJoining(deps, caller.userId, organization, role);
  const tenant = await getTenant(deps, caller, organization.id);
  return { profile: toProfileView(created), tenant };
}

export async function onboardCoach(
  deps: ProfilesDeps,
  caller: Caller,
  body: CoachOnboardingBody,
): Promise<Onboarded> {
  await refuseSecondProfile(deps, caller.userId);
  const { name, slug, ...practice } = body.practice;
  const organization = await createOrganizationInProvider(deps, caller, {
    name,
    slug,
    metadata: { kind: 'coach_practice', ...practice },
  });
  return recordOnboarding(
    deps,
    caller,
    organization,
    'admin',
    newProfile(caller.userId, body.profile, organization.id),
  );
}

export async function onboardClient(
  deps: ProfilesDeps,
  caller: Caller,
  body: ClientOnboardingBody,
): Promise<Onboarded> {
  await refuseSecondProfile(deps, caller.userId);
  const profile = (organizationId: string) =>
    newProfile(caller.userId, body.profile, organizationId);
  const { company } = body;
  if (company.action === 'join') {
    // The provider checks that the invitation is the caller's (404 otherwise) and still pending.
    const membership = await deps.identity.organizationInvitations.accept({
      invitationId: company.invitationId,
      userId: caller.userId,
    });
    return recordOnboarding(
      deps,
      caller,
      membership.organization,
      membership.role,
      profile(membership.organization.id),
    );
  }
  const organization = await createOrganizationInProvider(deps, caller, {
    name: company.name,
    slug: company.slug,
    metadata: { kind: 'client_company', industry: company.industry, size: company.size },
  });
  return recordOnboarding(deps, caller, organization, 'admin', profile(organization.id));
}

/** The user's primary organization, for the tenants list (wired in app.ts; no module import). */
export { primaryOrganizationOf } from './repository.ts';
