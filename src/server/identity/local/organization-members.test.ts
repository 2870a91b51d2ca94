// The embedded provider's organization members and the invitee's side of an invitation, for real on
// a fresh database: slugs, members with roles, the last-admin rule, accept and decline.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signUpAndVerify } from '../../../../test/support/identity.ts';
import { identityEvents } from '../schema.ts';
import { auth_invitation, auth_user } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let provider: typeof app.identity.provider;
beforeAll(async () => {
  app = await createTestApp();
  provider = app.identity.provider;
});
afterAll(() => app.close());

async function eventsAbout(type: string, organizationId: string) {
  const rows = await app.database.db
    .select()
    .from(identityEvents)
    .where(eq(identityEvents.type, type));
  return rows
    .map((row) => row.event)
    .filter((event) => JSON.stringify(event.data).includes(organizationId));
}

describe('organizations', () => {
  it('creates one with no member when nobody is named, and finds it by slug', async () => {
    const organization = await provider.organizations.create({
      name: 'Legacy Co',
      slug: `legacy-${Date.now()}`,
    });
    expect(await provider.organizations.listMembers(organization.id)).toEqual([]);
    expect(await provider.organizations.findBySlug(organization.slug)).toEqual(organization);
    expect(await provider.organizations.findBySlug('no-such-slug')).toBeNull();
    expect(await eventsAbout('organizationMembership.created', organization.id)).toEqual([]);
  });

  it('lists members oldest first, changes a role with an event, and keeps the last admin', async () => {
    const admin = await signUpAndVerify(app, { name: 'Ada Lovelace' });
    const colleague = await signUpAndVerify(app, { name: 'Grace Hopper' });
    const organization = await provider.organizations.create({
      name: 'Members Co',
      createdBy: admin.userId,
    });
    await provider.organizations.addMember({
      organizationId: organization.id,
      userId: colleague.userId,
      role: 'member',
    });
    expect(await provider.organizations.listMembers(organization.id)).toEqual([
      expect.objectContaining({
        userId: admin.userId,
        role: 'admin',
        email: admin.email,
        firstName: 'Ada',
        lastName: 'Lovelace',
      }),
      expect.objectContaining({ userId: colleague.userId, role: 'member', email: colleague.email }),
    ]);

    // The only admin can be neither demoted nor removed.
    await expect(
      provider.organizations.updateMemberRole({
        organizationId: organization.id,
        userId: admin.userId,
        role: 'member',
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      provider.organizations.removeMember({
        organizationId: organization.id,
        userId: admin.userId,
      }),
    ).rejects.toMatchObject({ status: 409 });

    const promoted = await provider.organizations.updateMemberRole({
      organizationId: organization.id,
      userId: colleague.userId,
      role: 'admin',
    });
    expect(promoted).toMatchObject({ userId: colleague.userId, role: 'admin' });
    expect(await eventsAbout('organizationMembership.updated', organization.id)).toEqual([
      expect.objectContaining({
        data: { organizationId: organization.id, userId: colleague.userId, role: 'admin' },
      }),
    ]);
    // With a second admin, the first may step down.
    await provider.organizations.updateMemberRole({
      organizationId: organization.id,
      userId: admin.userId,
      role: 'member',
    });
    await provider.organizations.removeMember({
      organizationId: organization.id,
      userId: admin.userId,
    });
    expect(
      (await provider.organizations.listMembers(organization.id)).map((member) => member.userId),
    ).toEqual([colleague.userId]);

    await expect(
      provider.organizations.updateMemberRole({
        organizationId: organization.id,
        userId: admin.userId,
        role: 'admin',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("an invitation's invitee", () => {
  async function invite(email: string) {
    const admin = await signUpAndVerify(app);
    const organization = await provider.organizations.create({
      name: 'Inviting Co',
      createdBy: admin.userId,
    });
    const invitation = await provider.organizationInvitations.create({
      organizationId: organization.id,
      emailAddress: email,
      role: 'member',
      inviterUserId: admin.userId,
    });
    return { admin, organization, invitation };
  }

  it('lists the invitations to their verified email, accepts one, and accepting again answers the same', async () => {
    const invitee = await signUpAndVerify(app);
    const { organization, invitation } = await invite(invitee.email);
    expect(
      (await provider.organizationInvitations.listForUser({ userId: invitee.userId })).map(
        (found) => found.id,
      ),
    ).toEqual([invitation.id]);

    const membership = await provider.organizationInvitations.accept({
      invitationId: invitation.id,
      userId: invitee.userId,
    });
    expect(membership).toMatchObject({
      userId: invitee.userId,
      role: 'member',
      organization: { id: organization.id },
    });
    expect(
      await provider.organizationInvitations.accept({
        invitationId: invitation.id,
        userId: invitee.userId,
      }),
    ).toEqual(membership);
    expect(await eventsAbout('organizationMembership.created', organization.id)).toHaveLength(2);
    expect(await eventsAbout('organizationInvitation.accepted', organization.id)).toHaveLength(1);
    expect(
      await provider.organizationInvitations.listForUser({
        userId: invitee.userId,
        status: ['pending'],
      }),
    ).toEqual([]);
    await expect(
      provider.organizationInvitations.decline({
        invitationId: invitation.id,
        userId: invitee.userId,
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('declines one: it is revoked, and can no longer be accepted', async () => {
    const invitee = await signUpAndVerify(app);
    const { organization, invitation } = await invite(invitee.email);
    const declined = await provider.organizationInvitations.decline({
      invitationId: invitation.id,
      userId: invitee.userId,
    });
    expect(declined.status).toBe('revoked');
    expect(await eventsAbout('organizationInvitation.revoked', organization.id)).toHaveLength(1);
    await expect(
      provider.organizationInvitations.accept({
        invitationId: invitation.id,
        userId: invitee.userId,
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await provider.organizations.listMemberships(invitee.userId)).toEqual([]);
  });

  it('refuses an expired invitation', async () => {
    const invitee = await signUpAndVerify(app);
    const { invitation } = await invite(invitee.email);
    await app.database.db
      .update(auth_invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(auth_invitation.id, invitation.id)));
    await expect(
      provider.organizationInvitations.accept({
        invitationId: invitation.id,
        userId: invitee.userId,
      }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('expired') });
  });

  it('answers 404 to anyone else, and to the addressee until their email is verified', async () => {
    const invitee = await signUpAndVerify(app);
    const stranger = await signUpAndVerify(app);
    const { admin, invitation } = await invite(invitee.email);
    for (const userId of [stranger.userId, admin.userId]) {
      await expect(
        provider.organizationInvitations.accept({ invitationId: invitation.id, userId }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        provider.organizationInvitations.decline({ invitationId: invitation.id, userId }),
      ).rejects.toMatchObject({ status: 404 });
      expect(await provider.organizationInvitations.listForUser({ userId })).toEqual([]);
    }
    await app.database.db
      .update(auth_user)
      .set({ emailVerified: false })
      .where(eq(auth_user.id, invitee.userId));
    expect(await provider.organizationInvitations.listForUser({ userId: invitee.userId })).toEqual(
      [],
    );
    await expect(
      provider.organizationInvitations.accept({
        invitationId: invitation.id,
        userId: invitee.userId,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
