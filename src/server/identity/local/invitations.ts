import { and, desc, eq, gt } from 'drizzle-orm';
import { queueMail } from '../../mail/mail-job.ts';
import {
  type IdentityProvider,
  IdentityProviderError,
  type InvitationStatus,
  type PublicMetadata,
} from '../port.ts';
import { type LocalContext, newId, recordEvent } from './context.ts';
import { localInvitationAnswers } from './invitation-answers.ts';
import { invitationStatus, toOrganizationInvitation } from './mapping.ts';
import { appInvitations, auth_invitation, auth_organization } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_EXPIRY_DAYS = 30;

function expiryFrom(days: number | undefined): Date {
  const valid = days ?? DEFAULT_EXPIRY_DAYS;
  if (!Number.isInteger(valid) || valid < 1 || valid > 365) {
    throw new IdentityProviderError('An invitation expires in 1 to 365 days.', 422);
  }
  return new Date(Date.now() + valid * DAY_MS);
}

/** An invitation is only ever found within its organization: another's answers as missing. */
function invitationIn(organizationId: string, invitationId: string) {
  return and(
    eq(auth_invitation.id, invitationId),
    eq(auth_invitation.organizationId, organizationId),
  );
}

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function localOrganizationInvitations(
  context: LocalContext,
): IdentityProvider['organizationInvitations'] {
  const { db } = context;

  async function find(organizationId: string, invitationId: string) {
    const [row] = await db
      .select()
      .from(auth_invitation)
      .where(invitationIn(organizationId, invitationId));
    return row;
  }

  return {
    async create(input) {
      const [organization] = await db
        .select()
        .from(auth_organization)
        .where(eq(auth_organization.id, input.organizationId));
      if (!organization) throw new IdentityProviderError('No organization with that id.', 404);
      const email = input.emailAddress.trim().toLowerCase();
      const id = newId('orginv');
      // The acceptance page (sign in or sign up, then accept or decline), unless told otherwise.
      const link = input.redirectUrl
        ? withQuery(input.redirectUrl, { invitation: id, email })
        : withQuery(`${context.publicUrl}/invitations/${id}`, { email });
      const expiresAt = expiryFrom(input.expiresInDays);
      // The mail is a durable job recorded with the invitation: both or neither.
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(auth_invitation)
          .values({
            id,
            organizationId: input.organizationId,
            email,
            role: input.role,
            status: 'pending',
            expiresAt,
            createdAt: new Date(),
            inviterId: input.inviterUserId,
            publicMetadata: input.publicMetadata ?? {},
          })
          .returning();
        if (!inserted) throw new Error('insert into auth_invitation returned no row');
        await queueMail(tx, {
          to: email,
          subject: `You are invited to join ${organization.name} on Arete`,
          text: `You have been invited to join ${organization.name} on Arete.\n\nAccept the invitation: ${link}\n\nThe invitation expires on ${expiresAt.toUTCString()}.`,
        });
        return inserted;
      });
      // Wakes the job runner, which sends the queued mail (events and mail are both its jobs).
      context.eventsStored();
      return toOrganizationInvitation(row);
    },

    async get({ organizationId, invitationId }) {
      const row = await find(organizationId, invitationId);
      return row ? toOrganizationInvitation(row) : null;
    },

    async list({ organizationId, status }) {
      const rows = await db
        .select()
        .from(auth_invitation)
        .where(eq(auth_invitation.organizationId, organizationId))
        .orderBy(desc(auth_invitation.createdAt));
      const wanted = status && status.length > 0 ? new Set<InvitationStatus>(status) : undefined;
      return rows
        .map(toOrganizationInvitation)
        .filter((invitation) => !wanted || wanted.has(invitation.status));
    },

    async revoke({ organizationId, invitationId }) {
      const invitation = await db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(auth_invitation)
          .where(invitationIn(organizationId, invitationId))
          .for('update');
        if (!current) throw new IdentityProviderError('No invitation with that id.', 404);
        if (invitationStatus(current.status, current.expiresAt) !== 'pending') {
          throw new IdentityProviderError('Only a pending invitation can be revoked.', 422);
        }
        const [row] = await tx
          .update(auth_invitation)
          .set({ status: 'canceled' })
          .where(eq(auth_invitation.id, invitationId))
          .returning();
        if (!row) throw new IdentityProviderError('No invitation with that id.', 404);
        const revoked = toOrganizationInvitation(row);
        await recordEvent(tx, {
          type: 'organizationInvitation.revoked',
          data: { invitation: revoked, userId: null },
        });
        return revoked;
      });
      context.eventsStored();
      return invitation;
    },

    ...localInvitationAnswers(context),
  };
}

export function localAppInvitations(context: LocalContext): IdentityProvider['invitations'] {
  const { db } = context;
  const toAppInvitation = (row: typeof appInvitations.$inferSelect) => ({
    id: row.id,
    emailAddress: row.email,
    publicMetadata: row.publicMetadata,
    status: invitationStatus(row.status, row.expiresAt),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  });
  async function pendingInvitationLike(email: string, metadata: PublicMetadata) {
    const rows = await db
      .select()
      .from(appInvitations)
      .where(
        and(
          eq(appInvitations.email, email),
          eq(appInvitations.status, 'pending'),
          gt(appInvitations.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(appInvitations.createdAt));
    const same = rows.find(
      (row) => JSON.stringify(row.publicMetadata) === JSON.stringify(metadata),
    );
    return same ? [same] : undefined;
  }

  return {
    async create({ emailAddress, publicMetadata, redirectUrl, expiresInDays }) {
      const email = emailAddress.trim().toLowerCase();
      const metadata = publicMetadata ?? {};
      // A retry after a crash between creating and recording an invitation finds the first one and
      // mails it again, instead of leaving a second pending invitation nobody knows about.
      const [row] =
        (await pendingInvitationLike(email, metadata)) ??
        (await db
          .insert(appInvitations)
          .values({
            id: newId('inv'),
            email,
            publicMetadata: metadata,
            expiresAt: expiryFrom(expiresInDays),
          })
          .returning());
      if (!row) throw new Error('insert into auth_app_invitation returned no row');
      const link = withQuery(redirectUrl ?? `${context.publicUrl}/sign-up`, { email });
      await context.mailer.send({
        to: email,
        subject: 'You are invited to Arete',
        text: `You have been invited to Arete.\n\nCreate your account: ${link}\n\nThe invitation expires on ${row.expiresAt?.toUTCString()}.`,
      });
      return toAppInvitation(row);
    },
    async revoke(invitationId) {
      const [row] = await db
        .update(appInvitations)
        .set({ status: 'revoked' })
        .where(and(eq(appInvitations.id, invitationId), eq(appInvitations.status, 'pending')))
        .returning();
      if (!row) throw new IdentityProviderError('No pending invitation with that id.', 404);
      return toAppInvitation(row);
    },
  };
}
