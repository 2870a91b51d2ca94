import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { latestMailTo, signUpAndVerify, uniqueEmail } from '../../../../test/support/identity.ts';
import { IdentityProviderError } from '../port.ts';
import { identityEvents } from '../schema.ts';
import { auth_invitation } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let provider: typeof app.identity.provider;
beforeAll(async () => {
  app = await createTestApp();
  provider = app.identity.provider;
});
afterAll(() => app.close());

async function eventsOfType(type: string) {
  return app.database.db.select().from(identityEvents).where(eq(identityEvents.type, type));
}

describe('users through the port', () => {
  it('deep-merges public metadata and records user.updated with the change', async () => {
    const person = await signUpAndVerify(app);
    await provider.users.updatePublicMetadata(person.userId, {
      primary_role: 'coach',
      organization_roles: { org_a: 'admin' },
    });
    const updated = await provider.users.updatePublicMetadata(person.userId, {
      organization_roles: { org_b: 'member' },
      session_auto_send_context: true,
    });
    expect(updated.publicMetadata).toEqual({
      primary_role: 'coach',
      organization_roles: { org_a: 'admin', org_b: 'member' },
      session_auto_send_context: true,
    });
    const removed = await provider.users.updatePublicMetadata(person.userId, {
      session_auto_send_context: null,
    });
    expect(removed.publicMetadata).not.toHaveProperty('session_auto_send_context');

    const updates = (await eventsOfType('user.updated')).filter(
      (row) => row.event.type === 'user.updated' && row.event.data.user.id === person.userId,
    );
    expect(updates.length).toBeGreaterThanOrEqual(3);
  });

  it('finds users by email whatever the case, and says 404 for an unknown id', async () => {
    const person = await signUpAndVerify(app);
    expect((await provider.users.findByEmail(person.email.toUpperCase()))?.id).toBe(person.userId);
    await expect(
      provider.users.updatePublicMetadata('user_missing', { a: 1 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('deletes a user and records user.deleted', async () => {
    const person = await signUpAndVerify(app);
    await provider.users.delete(person.userId);
    expect(await provider.users.get(person.userId)).toBeNull();
    const deleted = await eventsOfType('user.deleted');
    expect(
      deleted.some(
        (row) => row.event.type === 'user.deleted' && row.event.data.userId === person.userId,
      ),
    ).toBe(true);
  });
});

describe('organizations through the port', () => {
  it('creates an organization with its creator as admin, merges metadata, and lists memberships', async () => {
    const coach = await signUpAndVerify(app);
    const organization = await provider.organizations.create({
      name: 'Ada Coaching Practice',
      createdBy: coach.userId,
      publicMetadata: { kind: 'coach_practice', specialties: ['leadership'] },
    });
    expect(organization.slug).toMatch(/^ada-coaching-practice-/);
    const updated = await provider.organizations.updatePublicMetadata(organization.id, {
      philosophy: 'Grow together',
      specialties: ['career'],
    });
    expect(updated.publicMetadata).toEqual({
      kind: 'coach_practice',
      specialties: ['career'],
      philosophy: 'Grow together',
    });

    const memberships = await provider.organizations.listMemberships(coach.userId);
    expect(memberships).toEqual([
      expect.objectContaining({
        role: 'admin',
        organization: expect.objectContaining({ id: organization.id }),
      }),
    ]);

    const client = await signUpAndVerify(app);
    await provider.organizations.addMember({
      organizationId: organization.id,
      userId: client.userId,
      role: 'member',
    });
    await expect(
      provider.organizations.addMember({
        organizationId: organization.id,
        userId: client.userId,
        role: 'member',
      }),
    ).rejects.toBeInstanceOf(IdentityProviderError);
    await provider.organizations.removeMember({
      organizationId: organization.id,
      userId: client.userId,
    });
    expect(await provider.organizations.listMemberships(client.userId)).toEqual([]);
  });

  it('refuses a slug that is taken', async () => {
    const coach = await signUpAndVerify(app);
    await provider.organizations.create({
      name: 'Taken',
      slug: 'taken-slug',
      createdBy: coach.userId,
    });
    await expect(
      provider.organizations.create({ name: 'Again', slug: 'taken-slug', createdBy: coach.userId }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('organization invitations through the port', () => {
  it('creates, mails, lists by status (expired computed), and revokes', async () => {
    const coach = await signUpAndVerify(app);
    const organization = await provider.organizations.create({
      name: 'Invite Co',
      createdBy: coach.userId,
    });
    const email = uniqueEmail('invitee');
    const invitation = await provider.organizationInvitations.create({
      organizationId: organization.id,
      emailAddress: email.toUpperCase(),
      role: 'member',
      inviterUserId: coach.userId,
      publicMetadata: { coach_user_id: coach.userId },
      expiresInDays: 7,
    });
    expect(invitation).toMatchObject({
      emailAddress: email,
      status: 'pending',
      inviterUserId: coach.userId,
      publicMetadata: { coach_user_id: coach.userId },
    });
    // The mail is a durable job committed with the invitation: it leaves once the runner runs.
    await app.jobs.drain();
    const { mail, link } = await latestMailTo(app, email);
    expect(mail.subject).toContain('Invite Co');
    expect(link).toContain(`/invitations/${invitation.id}?`);

    const stale = await provider.organizationInvitations.create({
      organizationId: organization.id,
      emailAddress: uniqueEmail(),
      role: 'member',
      inviterUserId: coach.userId,
    });
    await app.database.db
      .update(auth_invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(auth_invitation.id, stale.id)));

    expect(
      (
        await provider.organizationInvitations.list({
          organizationId: organization.id,
          status: ['expired'],
        })
      ).map((i) => i.id),
    ).toEqual([stale.id]);
    expect(
      (
        await provider.organizationInvitations.list({
          organizationId: organization.id,
          status: ['pending'],
        })
      ).map((i) => i.id),
    ).toEqual([invitation.id]);

    const revoked = await provider.organizationInvitations.revoke({
      organizationId: organization.id,
      invitationId: invitation.id,
    });
    expect(revoked.status).toBe('revoked');
    await expect(
      provider.organizationInvitations.revoke({
        organizationId: organization.id,
        invitationId: invitation.id,
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      provider.organizationInvitations.revoke({
        organizationId: organization.id,
        invitationId: stale.id,
      }),
    ).rejects.toMatchObject({ status: 422 });
    const events = await eventsOfType('organizationInvitation.revoked');
    expect(
      events.some(
        (row) =>
          row.id &&
          row.event.type === 'organizationInvitation.revoked' &&
          row.event.data.invitation.id === invitation.id,
      ),
    ).toBe(true);
  });

  it("does not reveal another organization's invitation", async () => {
    const coach = await signUpAndVerify(app);
    const mine = await provider.organizations.create({ name: 'Mine', createdBy: coach.userId });
    const theirs = await provider.organizations.create({ name: 'Theirs', createdBy: coach.userId });
    const invitation = await provider.organizationInvitations.create({
      organizationId: theirs.id,
      emailAddress: uniqueEmail(),
      role: 'member',
      inviterUserId: coach.userId,
    });
    expect(
      await provider.organizationInvitations.get({
        organizationId: mine.id,
        invitationId: invitation.id,
      }),
    ).toBeNull();
  });

  it('refuses an expiry outside 1 to 365 days', async () => {
    const coach = await signUpAndVerify(app);
    const organization = await provider.organizations.create({
      name: 'Expiry',
      createdBy: coach.userId,
    });
    await expect(
      provider.organizationInvitations.create({
        organizationId: organization.id,
        emailAddress: uniqueEmail(),
        role: 'member',
        inviterUserId: coach.userId,
        expiresInDays: 400,
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('application invitations', () => {
  it('copies the invitation metadata onto the user once the invited email is verified', async () => {
    const email = uniqueEmail('invited');
    const invitation = await provider.invitations.create({
      emailAddress: email,
      publicMetadata: { primary_role: 'client' },
    });
    expect(invitation.status).toBe('pending');
    expect((await latestMailTo(app, email)).link).toContain('/sign-up?email=');

    const person = await signUpAndVerify(app, { email });
    expect((await provider.users.get(person.userId))?.publicMetadata).toEqual({
      primary_role: 'client',
    });
  });

  it('mails the pending invitation again instead of making a second one for the same email', async () => {
    const email = uniqueEmail('retried');
    const first = await provider.invitations.create({ emailAddress: email });
    const again = await provider.invitations.create({ emailAddress: email.toUpperCase() });
    expect(again.id).toBe(first.id);
    const other = await provider.invitations.create({
      emailAddress: email,
      publicMetadata: { session_auto_send_context: true },
    });
    expect(other.id).not.toBe(first.id);
    await provider.invitations.revoke(first.id);
    expect((await provider.invitations.create({ emailAddress: email })).id).not.toBe(first.id);
  });

  it('does not apply a revoked invitation', async () => {
    const email = uniqueEmail('revoked');
    const invitation = await provider.invitations.create({
      emailAddress: email,
      publicMetadata: { primary_role: 'coach' },
    });
    expect((await provider.invitations.revoke(invitation.id)).status).toBe('revoked');
    const person = await signUpAndVerify(app, { email });
    expect((await provider.users.get(person.userId))?.publicMetadata).toEqual({});
  });
});
