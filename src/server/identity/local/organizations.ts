import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { postgresErrorCode, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { mergeMetadata } from '../metadata.ts';
import {
  type IdentityProvider,
  IdentityProviderError,
  type OrganizationMembership,
} from '../port.ts';
import { type LocalContext, newId, recordEvent } from './context.ts';
import {
  parseMetadata,
  toIdentityOrganization,
  toOrganizationMember,
  toOrganizationRole,
} from './mapping.ts';
import { auth_member, auth_organization, auth_user } from './schema.ts';

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'organization'}-${newId('x').slice(-6)}`;
}

async function lockedOrganization(tx: Database, organizationId: string) {
  const [row] = await tx
    .select()
    .from(auth_organization)
    .where(eq(auth_organization.id, organizationId))
    .for('update');
  if (!row) throw new IdentityProviderError('No organization with that id.', 404);
  return row;
}

/** Better Auth's roles that are admins in Clerk's terms. */
const ADMIN_ROLES = ['admin', 'owner'];

/**
 * Refuses, under the organization's row lock (so two admins demoting each other at once cannot both
 * succeed), a change that would leave the organization without an admin.
 */
async function keepAnAdmin(tx: Database, organizationId: string, userId: string): Promise<void> {
  await lockedOrganization(tx, organizationId);
  const admins = await tx
    .select({ userId: auth_member.userId })
    .from(auth_member)
    .where(
      and(eq(auth_member.organizationId, organizationId), inArray(auth_member.role, ADMIN_ROLES)),
    );
  if (admins.length === 1 && admins[0]?.userId === userId) {
    throw new IdentityProviderError('An organization keeps at least one admin.', 409);
  }
}

const memberColumns = {
  organizationId: auth_member.organizationId,
  userId: auth_member.userId,
  role: auth_member.role,
  createdAt: auth_member.createdAt,
  email: auth_user.email,
  name: auth_user.name,
};

export function localOrganizations(context: LocalContext): IdentityProvider['organizations'] {
  const { db } = context;
  // Read on every sync of a user's tenants (the list's default): a prepared statement.
  const membershipsOfUser = db
    .select()
    .from(auth_member)
    .innerJoin(auth_organization, eq(auth_member.organizationId, auth_organization.id))
    .where(eq(auth_member.userId, sql.placeholder('userId')))
    .orderBy(auth_member.createdAt)
    .prepare('arete_memberships_of_user');

  async function inTransaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    try {
      const result = await db.transaction(work);
      context.eventsStored();
      return result;
    } catch (error) {
      if (postgresErrorCode(error) === UNIQUE_VIOLATION) {
        throw new IdentityProviderError(
          'That organization slug or membership already exists.',
          422,
        );
      }
      throw error;
    }
  }

  return {
    create({ name, slug, createdBy, publicMetadata }) {
      return inTransaction(async (tx) => {
        const now = new Date();
        const [row] = await tx
          .insert(auth_organization)
          .values({
            id: newId('org'),
            name,
            slug: slug ?? slugify(name),
            metadata: JSON.stringify(publicMetadata ?? {}),
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error('insert into auth_organization returned no row');
        const organization = toIdentityOrganization(row);
        await recordEvent(tx, { type: 'organization.created', data: { organization } });
        if (createdBy) {
          await tx.insert(auth_member).values({
            id: newId('mem'),
            organizationId: row.id,
            userId: createdBy,
            role: 'admin',
            createdAt: now,
          });
          await recordEvent(tx, {
            type: 'organizationMembership.created',
            data: { organizationId: row.id, userId: createdBy, role: 'admin' },
          });
        }
        return organization;
      });
    },

    async get(organizationId) {
      const [row] = await db
        .select()
        .from(auth_organization)
        .where(eq(auth_organization.id, organizationId));
      return row ? toIdentityOrganization(row) : null;
    },

    async findBySlug(slug) {
      const [row] = await db
        .select()
        .from(auth_organization)
        .where(eq(auth_organization.slug, slug));
      return row ? toIdentityOrganization(row) : null;
    },

    updatePublicMetadata(organizationId, patch) {
      return inTransaction(async (tx) => {
        const current = await lockedOrganization(tx, organizationId);
        const [row] = await tx
          .update(auth_organization)
          .set({
            metadata: JSON.stringify(mergeMetadata(parseMetadata(current.metadata), patch)),
            updatedAt: new Date(),
          })
          .where(eq(auth_organization.id, organizationId))
          .returning();
        if (!row) throw new IdentityProviderError('No organization with that id.', 404);
        const organization = toIdentityOrganization(row);
        await recordEvent(tx, { type: 'organization.updated', data: { organization } });
        return organization;
      });
    },

    async listMemberships(userId) {
      const rows = await membershipsOfUser.execute({ userId });
      return rows.map(
        (row): OrganizationMembership => ({
          organization: toIdentityOrganization(row.auth_organization),
          userId,
          role: toOrganizationRole(row.auth_member.role),
          createdAt: row.auth_member.createdAt,
        }),
      );
    },

    addMember({ organizationId, userId, role }) {
      return inTransaction(async (tx) => {
        const organization = toIdentityOrganization(await lockedOrganization(tx, organizationId));
        const createdAt = new Date();
        await tx
          .insert(auth_member)
          .values({ id: newId('mem'), organizationId, userId, role, createdAt });
        await recordEvent(tx, {
          type: 'organizationMembership.created',
          data: { organizationId, userId, role },
        });
        return { organization, userId, role, createdAt };
      });
    },

    async listMembers(organizationId) {
      const rows = await db
        .select(memberColumns)
        .from(auth_member)
        .innerJoin(auth_user, eq(auth_user.id, auth_member.userId))
        .where(eq(auth_member.organizationId, organizationId))
        .orderBy(asc(auth_member.createdAt), asc(auth_member.id));
      return rows.map(toOrganizationMember);
    },

    updateMemberRole({ organizationId, userId, role }) {
      return inTransaction(async (tx) => {
        if (role !== 'admin') await keepAnAdmin(tx, organizationId, userId);
        const [updated] = await tx
          .update(auth_member)
          .set({ role })
          .where(
            and(eq(auth_member.organizationId, organizationId), eq(auth_member.userId, userId)),
          )
          .returning({ id: auth_member.id });
        if (!updated)
          throw new IdentityProviderError('That user is not a member of the organization.', 404);
        const [row] = await tx
          .select(memberColumns)
          .from(auth_member)
          .innerJoin(auth_user, eq(auth_user.id, auth_member.userId))
          .where(eq(auth_member.id, updated.id));
        if (!row)
          throw new IdentityProviderError('That user is not a member of the organization.', 404);
        await recordEvent(tx, {
          type: 'organizationMembership.updated',
          data: { organizationId, userId, role },
        });
        return toOrganizationMember(row);
      });
    },

    removeMember({ organizationId, userId }) {
      return inTransaction(async (tx) => {
        await keepAnAdmin(tx, organizationId, userId);
        const [removed] = await tx
          .delete(auth_member)
          .where(
            and(eq(auth_member.organizationId, organizationId), eq(auth_member.userId, userId)),
          )
          .returning();
        if (!removed)
          throw new IdentityProviderError('That user is not a member of the organization.', 404);
        await recordEvent(tx, {
          type: 'organizationMembership.deleted',
          data: { organizationId, userId, role: toOrganizationRole(removed.role) },
        });
      });
    },
  };
}
