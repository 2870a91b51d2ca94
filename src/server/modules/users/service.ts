import type { Me, User, UserList } from '../../../contract/users.ts';
import type { Database } from '../../db/client.ts';
import { ForbiddenError, NotFoundError } from '../../http/errors.ts';
import type { Caller } from '../../identity/auth-plugin.ts';
import type { AuthorityCache } from '../../identity/authority.ts';
import {
  type GrantableRole,
  type IdentityProvider,
  type IdentityUser,
  type Role,
  roleOf,
} from '../../identity/port.ts';
import { recordAudit } from '../audit/service.ts';

export type UsersDeps = { db: Database; identity: IdentityProvider; authority: AuthorityCache };

export function toUser(user: IdentityUser): User {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    firstName: user.firstName,
    lastName: user.lastName,
    imageUrl: user.imageUrl,
    role: roleOf(user.publicMetadata),
    banned: user.banned,
    publicMetadata: user.publicMetadata,
    createdAt: user.createdAt.toISOString(),
  };
}

/** `known`: the caller's user if authentication read it in this request (`userReadFor`). */
export async function getMe(
  deps: UsersDeps,
  caller: Caller,
  known: IdentityUser | null = null,
): Promise<Me> {
  const user = known ?? (await deps.identity.users.get(caller.userId));
  if (!user) throw new NotFoundError('User');
  return { ...toUser(user), sessionId: caller.sessionId, activeOrganizationId: caller.orgId };
}

/** Seed 002: whether the caller may act as a coach, decided from the authoritative role. */
export function checkCoachAuthorization(caller: Caller) {
  const authorized = caller.role === 'coach' || caller.role === 'admin';
  const reasons: Record<Role, string> = {
    coach: 'You are a coach.',
    admin: 'Admins may act as coaches.',
    client: 'Clients cannot act as coaches.',
    pending: 'Your account is waiting for approval.',
  };
  return { authorized, role: caller.role, reason: reasons[caller.role] };
}

export async function listUsers(
  deps: UsersDeps,
  query: { query?: string; role?: Role; page: number; pageSize: number },
): Promise<UserList> {
  const result = await deps.identity.users.list({
    query: query.query,
    role: query.role,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    data: result.data.map(toUser),
    totalCount: result.totalCount,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function existingUser(deps: UsersDeps, userId: string): Promise<IdentityUser> {
  const user = await deps.identity.users.get(userId);
  if (!user) throw new NotFoundError('User');
  return user;
}

function refuseSelf(caller: Caller, userId: string, what: string): void {
  // An admin who demotes or bans themselves could leave the platform with no admin at all.
  if (caller.userId === userId) throw new ForbiddenError(`You cannot ${what} yourself.`);
}

export async function setRole(
  deps: UsersDeps,
  caller: Caller,
  userId: string,
  role: GrantableRole,
): Promise<User> {
  refuseSelf(caller, userId, 'change the role of');
  const before = await existingUser(deps, userId);
  const after = await deps.identity.users.updatePublicMetadata(userId, { primary_role: role });
  deps.authority.invalidate(userId);
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: 'user.role.set',
    target: `user:${userId}`,
    before: { role: roleOf(before.publicMetadata) },
    after: { role: roleOf(after.publicMetadata) },
  });
  return toUser(after);
}

export async function setBanned(
  deps: UsersDeps,
  caller: Caller,
  userId: string,
  banned: boolean,
): Promise<User> {
  refuseSelf(caller, userId, banned ? 'ban' : 'unban');
  const before = await existingUser(deps, userId);
  const after = banned
    ? await deps.identity.users.ban(userId)
    : await deps.identity.users.unban(userId);
  deps.authority.invalidate(userId);
  await recordAudit(deps.db, {
    actor: caller.userId,
    action: banned ? 'user.ban' : 'user.unban',
    target: `user:${userId}`,
    before: { banned: before.banned },
    after: { banned: after.banned },
  });
  return toUser(after);
}
