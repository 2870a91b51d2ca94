import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { postgresErrorCode } from '../../db/errors.ts';
import { mergeMetadata } from '../metadata.ts';
import {
  type IdentityProvider,
  IdentityProviderError,
  type OrganizationMembership,
} from '../port.ts';
import { type LocalContext, newId, recordEvent } from './context.ts';
import { parseMetadata, toIdentityOrganization, toOrganizationRole } from './mapping.ts';
import { auth_member, auth_organization } from './schema.ts';

const UNIQUE_VIOLATION = '23505';

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

export function localOrganizations(context: LocalContext): IdentityProvider['organizations'] {
  const { db } = context;

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
        await tx.insert(auth_member).values({
          id: newId('mem'),
          organizationId: row.id,
          userId: createdBy,
          role: 'admin',
          createdAt: now,
        });
        const organization = toIdentityOrganization(row);
        await recordEvent(tx, { type: 'organization.created', data: { organization } });
        await recordEvent(tx, {
          type: 'organizationMembership.created',
          data: { organizationId: row.id, userId: createdBy, role: 'admin' },
        });
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
      const rows = await db
        .select()
        .from(auth_member)
        .innerJoin(auth_organization, eq(auth_member.organizationId, auth_organization.id))
        .where(eq(auth_member.userId, userId))
        .orderBy(auth_member.createdAt);
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

    removeMember({ organizationId, userId }) {
      return inTransaction(async (tx) => {
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
