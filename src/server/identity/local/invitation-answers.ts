// The invitee's side of an organization invitation in the embedded provider: the invitations
// addressed to a user's verified email, accepting one (membership and events in one transaction)
// and declining one.
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  type IdentityProvider,
  IdentityProviderError,
  type InvitationStatus,
  type OrganizationMembership,
} from '../port.ts';
import { type LocalContext, newId, recordEvent } from './context.ts';
import {
  invitationStatus,
  toIdentityOrganization,
  toOrganizationInvitation,
  toOrganizationRole,
} from './mapping.ts';
import { auth_invitation, auth_member, auth_organization, auth_user } from './schema.ts';

type Answers = Pick<
  IdentityProvider['organizationInvitations'],
  'listForUser' | 'accept' | 'decline'
>;

const notYours = () => new IdentityProviderError('No invitation with that id.', 404);

/** The user's email if it is verified: only a proven mailbox answers the invitations sent to it. */
async function verifiedEmail(db: Database, userId: string): Promise<string | null> {
  const [user] = await db
    .select({ email: auth_user.email, verified: auth_user.emailVerified })
    .from(auth_user)
    .where(eq(auth_user.id, userId));
  return user?.verified ? user.email : null;
}

/** The invitation, locked, if it is addressed to the user; otherwise 404 as if it did not exist. */
async function lockedInvitationOf(tx: Database, invitationId: string, userId: string) {
  const email = await verifiedEmail(tx, userId);
  if (!email) throw notYours();
  const [row] = await tx
    .select()
    .from(auth_invitation)
    .where(and(eq(auth_invitation.id, invitationId), eq(auth_invitation.email, email)))
    .for('update');
  if (!row) throw notYours();
  return row;
}

function refuseUnlessPending(status: InvitationStatus): void {
  if (status !== 'pending')
    throw new IdentityProviderError(`This invitation is ${status}, no longer pending.`, 422);
}

export function localInvitationAnswers(context: LocalContext): Answers {
  const { db } = context;

  async function membershipOf(
    tx: Database,
    organizationId: string,
    userId: string,
  ): Promise<OrganizationMembership | null> {
    const [row] = await tx
      .select()
      .from(auth_member)
      .innerJoin(auth_organization, eq(auth_organization.id, auth_member.organizationId))
      .where(and(eq(auth_member.organizationId, organizationId), eq(auth_member.userId, userId)));
    if (!row) return null;
    return {
      organization: toIdentityOrganization(row.auth_organization),
      userId,
      role: toOrganizationRole(row.auth_member.role),
      createdAt: row.auth_member.createdAt,
    };
  }

  return {
    async listForUser({ userId, status }) {
      const email = await verifiedEmail(db, userId);
      if (!email) return [];
      const rows = await db
        .select()
        .from(auth_invitation)
        .where(eq(auth_invitation.email, email))
        .orderBy(desc(auth_invitation.createdAt));
      const wanted = status?.length ? new Set(status) : undefined;
      return rows
        .map(toOrganizationInvitation)
        .filter((invitation) => !wanted || wanted.has(invitation.status));
    },

    async accept({ invitationId, userId }) {
      const membership = await db.transaction(async (tx) => {
        const row = await lockedInvitationOf(tx, invitationId, userId);
        const status = invitationStatus(row.status, row.expiresAt);
        const existing = await membershipOf(tx, row.organizationId, userId);
        // Accepting again answers what the first acceptance did.
        if (status === 'accepted' && existing) return existing;
        refuseUnlessPending(status);
        let joined = existing;
        if (!joined) {
          const role = toOrganizationRole(row.role);
          await tx.insert(auth_member).values({
            id: newId('mem'),
            organizationId: row.organizationId,
            userId,
            role,
            createdAt: new Date(),
          });
          await recordEvent(tx, {
            type: 'organizationMembership.created',
            data: { organizationId: row.organizationId, userId, role },
          });
          joined = await membershipOf(tx, row.organizationId, userId);
        }
        const [accepted] = await tx
          .update(auth_invitation)
          .set({ status: 'accepted' })
          .where(eq(auth_invitation.id, row.id))
          .returning();
        if (!accepted || !joined) throw notYours();
        await recordEvent(tx, {
          type: 'organizationInvitation.accepted',
          data: { invitation: toOrganizationInvitation(accepted), userId },
        });
        return joined;
      });
      context.eventsStored();
      return membership;
    },

    async decline({ invitationId, userId }) {
      const invitation = await db.transaction(async (tx) => {
        const row = await lockedInvitationOf(tx, invitationId, userId);
        refuseUnlessPending(invitationStatus(row.status, row.expiresAt));
        const [declined] = await tx
          .update(auth_invitation)
          .set({ status: 'rejected' })
          .where(eq(auth_invitation.id, row.id))
          .returning();
        if (!declined) throw notYours();
        const revoked = toOrganizationInvitation(declined);
        await recordEvent(tx, {
          type: 'organizationInvitation.revoked',
          data: { invitation: revoked, userId },
        });
        return revoked;
      });
      context.eventsStored();
      return invitation;
    },
  };
}
