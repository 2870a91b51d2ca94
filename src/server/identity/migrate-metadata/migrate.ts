// The rules of the legacy users migration (seed 002, step 1): each valid record is matched to a
// provider user, by id first, else by verified email, and its fields are deep-merged into the user's
// `publicMetadata` through the port, only where they differ: a second run changes nothing.
//
// Duplicates: the first record in the file for a user is applied; any later record that resolves to
// the same user (by id or by email) is reported as a duplicate and never applied, since a file that
// says two things about one person cannot say which is right. A later record with the very same
// values is harmless (reported, not a failure); one with other values is a failure to fix by hand.
import { isDeepStrictEqual } from 'node:util';
import type { AuditRecord } from '../../modules/audit/service.ts';
import {
  type IdentityProvider,
  IdentityProviderError,
  type IdentityUser,
  type MetadataPatch,
  type PublicMetadata,
  roleOf,
} from '../port.ts';
import type { SourceRecord } from './parse.ts';
import { checkLegacyUser, type LegacyMetadata, type LegacyUser } from './record.ts';

export type MigrationDeps = {
  users: Pick<IdentityProvider['users'], 'get' | 'findByEmail' | 'updatePublicMetadata'>;
  /** Writes to the audit log; called for a changed role only. */
  audit: (entry: AuditRecord) => Promise<void>;
  /** Who the audit log names, e.g. `cli:ada`. */
  actor: string;
};

export type Change = { field: string; before: unknown; after: unknown };

type Located = { where: string; label: string | undefined };

export type Outcome = Located &
  (
    | { status: 'updated'; userId: string; changes: Change[] }
    | { status: 'unchanged'; userId: string }
    | { status: 'not found'; reason: string }
    | { status: 'invalid'; reason: string }
    | { status: 'duplicate'; userId: string; of: string; conflicting: string[] }
    | { status: 'failed'; reason: string }
  );

export type MigrationReport = { dryRun: boolean; outcomes: Outcome[] };

/** Dry run: every lookup is made, nothing is written (neither metadata nor audit entries). */
export async function migrateLegacyUsers(
  records: SourceRecord[],
  deps: MigrationDeps,
  options: { dryRun: boolean },
): Promise<MigrationReport> {
  const firstSeen = new Map<string, { where: string; metadata: LegacyMetadata }>();
  const outcomes: Outcome[] = [];
  for (const record of records) {
    outcomes.push(await migrateOne(record, deps, options.dryRun, firstSeen));
  }
  return { dryRun: options.dryRun, outcomes };
}

async function migrateOne(
  record: SourceRecord,
  deps: MigrationDeps,
  dryRun: boolean,
  firstSeen: Map<string, { where: string; metadata: LegacyMetadata }>,
): Promise<Outcome> {
  const at: Located = { where: record.where, label: labelOf(record) };
  if ('unreadable' in record) return { ...at, status: 'invalid', reason: record.unreadable };
  const check = checkLegacyUser(record.value);
  if (!check.ok) return { ...at, status: 'invalid', reason: check.reason };
  const legacy = check.user;
  try {
    const match = await findUser(legacy, deps.users);
    if ('reason' in match) return { ...at, status: 'not found', reason: match.reason };
    const { user } = match;
    const earlier = firstSeen.get(user.id);
    if (earlier) {
      const conflicting = differingFields(earlier.metadata, legacy.metadata);
      return { ...at, status: 'duplicate', userId: user.id, of: earlier.where, conflicting };
    }
    firstSeen.set(user.id, { where: record.where, metadata: legacy.metadata });
    const { patch, changes } = changesFor(user.publicMetadata, legacy.metadata);
    if (changes.length === 0) return { ...at, status: 'unchanged', userId: user.id };
    if (!dryRun) await apply(user, patch, deps);
    return { ...at, status: 'updated', userId: user.id, changes };
  } catch (error) {
    // The provider refused or failed for this record (after its own retries): report it and go on,
    // so one bad user does not hide what happens to the others.
    if (error instanceof IdentityProviderError)
      return { ...at, status: 'failed', reason: error.message };
    throw error;
  }
}

async function apply(user: IdentityUser, patch: MetadataPatch, deps: MigrationDeps) {
  const updated = await deps.users.updatePublicMetadata(user.id, patch);
  if (patch.primary_role !== undefined) {
    await deps.audit({
      actor: deps.actor,
      action: 'user.role.set',
      target: `user:${user.id}`,
      before: { role: roleOf(user.publicMetadata) },
      after: { role: roleOf(updated.publicMetadata) },
    });
  }
}

type Match = { user: IdentityUser } | { reason: string };

async function findUser(legacy: LegacyUser, users: MigrationDeps['users']): Promise<Match> {
  const misses: string[] = [];
  if (legacy.clerkUserId) {
    const user = await users.get(legacy.clerkUserId);
    if (user) return { user };
    misses.push(`no user with id ${legacy.clerkUserId}`);
  }
  if (legacy.email) {
    const user = await users.findByEmail(legacy.email);
    // Only an address the person proved is theirs may hand them a role.
    if (!user) misses.push(`no user with email ${legacy.email}`);
    else if (user.email.toLowerCase() !== legacy.email)
      misses.push(`${legacy.email} is not the primary email of ${user.id}`);
    else if (!user.emailVerified) misses.push(`${user.id} has not verified ${legacy.email}`);
    else return { user };
  }
  return { reason: misses.join('; ') };
}

/** The patch holding only what differs, and each difference for the report. */
function changesFor(current: PublicMetadata, wanted: LegacyMetadata) {
  const patch: MetadataPatch = {};
  const changes: Change[] = [];
  if (wanted.primary_role !== undefined && current.primary_role !== wanted.primary_role) {
    patch.primary_role = wanted.primary_role;
    changes.push({
      field: 'primary_role',
      before: current.primary_role,
      after: wanted.primary_role,
    });
  }
  if (wanted.organization_roles) {
    const held = isObject(current.organization_roles) ? current.organization_roles : {};
    const roles: Record<string, string> = {};
    for (const [organizationId, role] of Object.entries(wanted.organization_roles)) {
      if (held[organizationId] === role) continue;
      roles[organizationId] = role;
      changes.push({
        field: `organization_roles.${organizationId}`,
        before: held[organizationId],
        after: role,
      });
    }
    if (Object.keys(roles).length > 0) patch.organization_roles = roles;
  }
  const autoSend = wanted.session_auto_send_context;
  if (autoSend !== undefined && current.session_auto_send_context !== autoSend) {
    patch.session_auto_send_context = autoSend;
    changes.push({
      field: 'session_auto_send_context',
      before: current.session_auto_send_context,
      after: autoSend,
    });
  }
  return { patch, changes };
}

function differingFields(first: LegacyMetadata, later: LegacyMetadata): string[] {
  const fields = ['primary_role', 'organization_roles', 'session_auto_send_context'] as const;
  return fields.filter((field) => !isDeepStrictEqual(first[field], later[field]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the record calls itself, so a person can find it: its id, else its email, else its `_id`. */
function labelOf(record: SourceRecord): string | undefined {
  if (!('value' in record) || !isObject(record.value)) return undefined;
  for (const key of ['clerk_user_id', 'email', '_id']) {
    const value = record.value[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const text = value.trim().slice(0, 80);
    return key === '_id' ? `_id ${text}` : text;
  }
  return undefined;
}
