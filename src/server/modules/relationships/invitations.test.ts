// A coach's invitation of a client, end to end on the embedded provider: the pending relationship and
// the provider's invitation (sent by a job), the mail and its link, accepting (here or through the
// provider's acceptance page), declining, revoking, expiring, repeated and concurrent invitations,
// the acceptance event delivered twice or out of order, and an invitee signing up in waitlist mode.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import {
  latestMailTo,
  signedInAs,
  signUpAndVerify,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import {
  type Coach,
  coachWithPractice,
  inviteClient,
  onboardCoach,
  relationshipRow,
  setExpiry,
} from '../../../../test/support/relationships.ts';
import { as, type Person } from '../../../../test/support/tenants.ts';
import { createWaitlistTestApp } from '../../../../test/support/waitlist-app.ts';
import { roleOf } from '../../identity/port.ts';
import { jobs } from '../../jobs/schema.ts';
import { mailOutbox } from '../../mail/schema.ts';
import { auditLog } from '../audit/schema.ts';
import { relationships } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let coach: Coach;
/** In ADMIN_EMAILS: becomes an admin at verification, invitation or not. */
const adminInvitee = uniqueEmail('admin-invitee');
beforeAll(async () => {
  app = await createTestApp({ adminEmails: [adminInvitee] });
  coach = await coachWithPractice(app, { practiceName: 'North Star Coaching' });
});
afterAll(() => app.close());

const relationshipsOfCoach = () =>
  app.database.db.select().from(relationships).where(eq(relationships.coachUserId, coach.userId));

const mailsTo = (email: string) =>
  app.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email.toLowerCase()));

const auditOf = (id: string, action?: string) =>
  app.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.target, `relationship:${id}`),
        action ? eq(auditLog.action, action) : undefined,
      ),
    );

const providerInvitation = (invitationId: string) =>
  app.identity.provider.organizationInvitations.get({
    organizationId: coach.practiceId,
    invitationId,
  });

/** The invitee's account, made after the invitation (with the client role, as sign-up would give). */
const inviteeAccount = (email: string): Promise<Person> => signedInAs(app, 'client', { email });

describe('POST /api/v1/relationships/invite', () => {
  it('invites by email: pending, then the provider invitation and its mail; the invitee accepts', async () => {
    const email = uniqueEmail('invitee');
    const invited = await as(app, coach).post('/api/v1/relationships/invite', {
      email: email.toUpperCase(),
      message: 'Looking forward to it.',
    });
    expect(invited.statusCode).toBe(201);
    const { id } = invited.json();
    expect(invited.json()).toMatchObject({
      status: 'pending',
      origin: 'invitation',
      message: 'Looking forward to it.',
      coach: { identityUserId: coach.userId, firstName: 'Ada' },
      client: { identityUserId: null, email },
      practice: { identityOrgId: coach.practiceId, name: 'North Star Coaching' },
      invitationId: null,
      allowedActions: ['revoke'],
    });

    await app.jobs.drain();
    const { invitationId } = await relationshipRow(app, id);
    expect(invitationId).toEqual(expect.any(String));
    const invitation = await providerInvitation(invitationId as string);
    expect(invitation).toMatchObject({
      emailAddress: email,
      role: 'member',
      status: 'pending',
      publicMetadata: { relationship_id: id },
    });
    const { mail, link } = await latestMailTo(app, email);
    expect(mail.subject).toBe('You are invited to join North Star Coaching on Arete');
    expect(new URL(link ?? '').pathname).toBe(`/invitations/${invitationId}`);

    const invitee = await inviteeAccount(email);
    const shown = await as(app, invitee).get('/api/v1/member/coaching-relationships/');
    expect(shown.json().data).toEqual([
      expect.objectContaining({ id, status: 'pending', allowedActions: ['accept', 'decline'] }),
    ]);
    const accepted = await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      id,
      status: 'active',
      client: { identityUserId: invitee.userId, email },
      startedAt: expect.any(String),
      allowedActions: ['pause', 'complete'],
    });
    // The client joined the practice as a member, in the provider.
    const memberships = await app.identity.provider.organizations.listMemberships(invitee.userId);
    expect(memberships.map((m) => [m.organization.id, m.role])).toEqual([
      [coach.practiceId, 'member'],
    ]);

    await app.jobs.drain();
    const told = await latestMailTo(app, coach.email);
    expect(told.mail.subject).toBe('Your coaching invitation was accepted');
    expect(told.mail.text).toContain(email);
    expect(new URL(told.link ?? '').pathname).toBe('/coach/clients');
    const list = await as(app, coach).get('/api/v1/relationships/coach?status=active');
    expect(list.json().data.map((r: { id: string }) => r.id)).toContain(id);
    expect(await auditOf(id, 'relationship.active')).toEqual([
      expect.objectContaining({ actor: invitee.userId }),
    ]);
  });

  it('is accepted through the provider’s acceptance page: the accepted event makes it active', async () => {
    const email = uniqueEmail('via-page');
    const { id, invitationId } = await inviteClient(app, coach, email);
    const invitee = await inviteeAccount(email);
    const accepted = await as(app, invitee).post(`/api/v1/invitations/${invitationId}/accept`);
    expect(accepted.statusCode).toBe(200);

    await app.jobs.drain();
    expect(await relationshipRow(app, id)).toMatchObject({
      status: 'active',
      clientUserId: invitee.userId,
    });
    const mine = await as(app, invitee).get('/api/v1/relationships/client');
    expect(mine.json().data).toEqual([expect.objectContaining({ id, status: 'active' })]);
    expect((await latestMailTo(app, coach.email)).mail.text).toContain(email);
  });

  it('answers the pending relationship again (200) for the same email, whatever its case', async () => {
    const email = uniqueEmail('twice');
    const first = await as(app, coach).post('/api/v1/relationships/invite', { email });
    const second = await as(app, coach).post('/api/v1/relationships/invite', {
      email: ` ${email.toUpperCase()} `,
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    await app.jobs.drain();
    const third = await as(app, coach).post('/api/v1/relationships/invite', { email });
    expect(third.statusCode).toBe(200);
    await app.jobs.drain();
    const sent = await app.identity.provider.organizationInvitations.list({
      organizationId: coach.practiceId,
    });
    expect(sent.filter((invitation) => invitation.emailAddress === email)).toHaveLength(1);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('makes one relationship of two concurrent invitations of one email', async () => {
    const email = uniqueEmail('race');
    const answers = await Promise.all([
      as(app, coach).post('/api/v1/relationships/invite', { email }),
      as(app, coach).post('/api/v1/relationships/invite', { email }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    expect(answers[0]?.json().id).toBe(answers[1]?.json().id);
    const rows = (await relationshipsOfCoach()).filter((row) => row.clientEmail === email);
    expect(rows).toHaveLength(1);
    await app.jobs.drain();
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('is declined by the invitee: declined, and the provider invitation is no longer pending', async () => {
    const email = uniqueEmail('decliner');
    const { id, invitationId } = await inviteClient(app, coach, email);
    const invitee = await inviteeAccount(email);
    const declined = await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, {
      accept: false,
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', allowedActions: [] });
    expect((await providerInvitation(invitationId))?.status).not.toBe('pending');
    await app.jobs.drain();
    expect(await relationshipRow(app, id)).toMatchObject({
      status: 'declined',
      updatedBy: invitee.userId,
    });
    const again = await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('This relationship is declined: it can no longer change.');
    // Declined through the provider's page instead: the event declines it too.
    const other = uniqueEmail('page-decliner');
    const second = await inviteClient(app, coach, other);
    const person = await inviteeAccount(other);
    const answer = await as(app, person).post(`/api/v1/invitations/${second.invitationId}/decline`);
    expect(answer.statusCode).toBe(200);
    await app.jobs.drain();
    expect(await relationshipRow(app, second.id)).toMatchObject({
      status: 'declined',
      updatedBy: person.userId,
    });
  });

  it('is revoked by the coach while pending, and the provider invitation with it', async () => {
    const email = uniqueEmail('revoked');
    const { id, invitationId } = await inviteClient(app, coach, email);
    const revoked = await as(app, coach).post(`/api/v1/relationships/${id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id, status: 'revoked', allowedActions: [] });
    await app.jobs.drain();
    expect((await providerInvitation(invitationId))?.status).toBe('revoked');
    expect(await auditOf(id, 'relationship.revoked')).toEqual([
      expect.objectContaining({ actor: coach.userId }),
    ]);

    const invitee = await inviteeAccount(email);
    expect(
      (await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, { accept: true }))
        .statusCode,
    ).toBe(409);
    expect(
      (await as(app, invitee).post(`/api/v1/invitations/${invitationId}/accept`)).statusCode,
    ).toBe(422);
    expect((await as(app, coach).post(`/api/v1/relationships/${id}/revoke`)).statusCode).toBe(409);
    // Inviting again makes a new relationship.
    const again = await as(app, coach).post('/api/v1/relationships/invite', { email });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(id);
  });

  it('revoked before the job ran: no provider invitation is left pending', async () => {
    const email = uniqueEmail('quick-revoke');
    const invited = await as(app, coach).post('/api/v1/relationships/invite', { email });
    const { id } = invited.json();
    expect((await as(app, coach).post(`/api/v1/relationships/${id}/revoke`)).statusCode).toBe(200);
    await app.jobs.drain();
    const pending = await app.identity.provider.organizationInvitations.list({
      organizationId: coach.practiceId,
      status: ['pending'],
    });
    expect(pending.filter((invitation) => invitation.emailAddress === email)).toEqual([]);
    expect((await relationshipRow(app, id)).status).toBe('revoked');
  });

  it('shows as expired past its expiry; it can no longer be accepted, and the coach may invite again', async () => {
    const email = uniqueEmail('late');
    const { id } = await inviteClient(app, coach, email);
    const invitee = await inviteeAccount(email);
    await setExpiry(app, id, new Date(Date.now() - 60_000));

    const shown = await as(app, coach).get(`/api/v1/relationships/${id}`);
    expect(shown.json()).toMatchObject({ status: 'expired', allowedActions: [] });
    const listed = await as(app, coach).get('/api/v1/relationships/coach?status=expired');
    expect(listed.json().data.map((r: { id: string }) => r.id)).toContain(id);
    expect(listed.json().counts.expired).toBeGreaterThanOrEqual(1);
    const pendingList = await as(app, coach).get('/api/v1/relationships/coach?status=pending');
    expect(pendingList.json().data.map((r: { id: string }) => r.id)).not.toContain(id);

    const late = await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('This relationship is expired: it can no longer change.');
    expect((await as(app, coach).post(`/api/v1/relationships/${id}/revoke`)).statusCode).toBe(409);

    const again = await as(app, coach).post('/api/v1/relationships/invite', { email });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(id);
    expect((await relationshipRow(app, id)).status).toBe('expired');
    expect(await auditOf(id, 'relationship.expired')).toEqual([
      expect.objectContaining({ actor: 'system' }),
    ]);
  });

  it('refuses a coach without a practice (409), and inviting oneself', async () => {
    const bare = await signedInAs(app, 'coach');
    const refused = await as(app, bare).post('/api/v1/relationships/invite', {
      email: uniqueEmail(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Set up your coaching practice first: clients are invited into it.',
    );
    const self = await as(app, coach).post('/api/v1/relationships/invite', { email: coach.email });
    expect(self.statusCode).toBe(409);
  });

  it('never invites into a practice the coach only belongs to as another coach’s client', async () => {
    const email = uniqueEmail('coached-coach');
    const { id } = await inviteClient(app, coach, email);
    const coachedCoach = await signedInAs(app, 'coach', { email });
    const accepted = await as(app, coachedCoach).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(accepted.statusCode).toBe(200);
    const refused = await as(app, coachedCoach).post('/api/v1/relationships/invite', {
      email: uniqueEmail(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/Set up your coaching practice first/);
    // With a practice of their own, they invite into it.
    const own = await onboardCoach(app, coachedCoach, { practiceName: 'Second Practice' });
    const invited = await as(app, coachedCoach).post('/api/v1/relationships/invite', {
      email: uniqueEmail(),
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().practice).toMatchObject({
      identityOrgId: own.practiceId,
      name: 'Second Practice',
    });
  });
});

describe('the accepted event, repeated and out of order', () => {
  it('accepted here, through the provider’s page again, and the event delivered again: one change, one mail', async () => {
    const email = uniqueEmail('twice-accepted');
    const { id, invitationId } = await inviteClient(app, coach, email);
    const invitee = await inviteeAccount(email);
    const coachMailsBefore = (await mailsTo(coach.email)).length;

    // The API accepts in the provider (whose event follows) and applies the answer at once.
    const answered = await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('active');
    await app.jobs.drain();
    // The provider's page accepts again (it answers what the first acceptance did).
    expect(
      (await as(app, invitee).post(`/api/v1/invitations/${invitationId}/accept`)).statusCode,
    ).toBe(200);
    // Answering a second time through the API is refused: it is no longer pending.
    const again = await as(app, invitee).post(`/api/v1/relationships/${id}/respond`, {
      accept: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      'This relationship is active: it can become paused, completed, not active.',
    );

    // The same acceptance again, as a redelivered webhook would bring it under another id.
    const invitation = await providerInvitation(invitationId);
    if (!invitation) throw new Error('no invitation');
    await app.identity.events.publish({
      id: `evt_${randomUUID()}`,
      type: 'organizationInvitation.accepted',
      occurredAt: new Date().toISOString(),
      data: { invitation, userId: invitee.userId },
    });
    // A late revocation of the same invitation changes nothing either.
    await app.identity.events.publish({
      id: `evt_${randomUUID()}`,
      type: 'organizationInvitation.revoked',
      occurredAt: new Date().toISOString(),
      data: { invitation: { ...invitation, status: 'revoked' }, userId: null },
    });
    await app.jobs.drain();

    expect(await relationshipRow(app, id)).toMatchObject({
      status: 'active',
      clientUserId: invitee.userId,
    });
    expect(await auditOf(id, 'relationship.active')).toHaveLength(1);
    expect(await mailsTo(coach.email)).toHaveLength(coachMailsBefore + 1);
  });

  it('a revocation or acceptance arriving after the invitation expired changes nothing, once', async () => {
    const email = uniqueEmail('expired-then-revoked');
    const { id, invitationId } = await inviteClient(app, coach, email);
    const invitee = await inviteeAccount(email);
    await setExpiry(app, id, new Date(Date.now() - 1000));
    const invitation = await providerInvitation(invitationId);
    if (!invitation) throw new Error('no invitation');
    const eventIds = [`evt_${randomUUID()}`, `evt_${randomUUID()}`];
    await app.identity.events.publish({
      id: eventIds[0] as string,
      type: 'organizationInvitation.revoked',
      occurredAt: new Date().toISOString(),
      data: { invitation: { ...invitation, status: 'revoked' }, userId: null },
    });
    await app.identity.events.publish({
      id: eventIds[1] as string,
      type: 'organizationInvitation.accepted',
      occurredAt: new Date().toISOString(),
      data: { invitation: { ...invitation, status: 'accepted' }, userId: invitee.userId },
    });
    await app.jobs.drain();
    for (const key of eventIds) {
      const [job] = await app.database.db.select().from(jobs).where(eq(jobs.key, key));
      expect(job?.finishedAt, job?.lastError ?? '').not.toBeNull();
    }
    expect(await relationshipRow(app, id)).toMatchObject({ status: 'pending', clientUserId: null });
    expect((await as(app, coach).get(`/api/v1/relationships/${id}`)).json().status).toBe('expired');
  });

  it('the event arriving before the relationship is visible is retried, then applies', async () => {
    const email = uniqueEmail('early');
    const invitee = await inviteeAccount(email);
    const id = randomUUID();
    const invitation = {
      id: `orginv_${randomUUID().slice(0, 8)}`,
      organizationId: coach.practiceId,
      emailAddress: email,
      role: 'member' as const,
      status: 'accepted' as const,
      inviterUserId: coach.userId,
      publicMetadata: { relationship_id: id },
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    };
    const eventId = `evt_${randomUUID()}`;
    await app.identity.events.publish({
      id: eventId,
      type: 'organizationInvitation.accepted',
      occurredAt: new Date().toISOString(),
      data: { invitation, userId: invitee.userId },
    });
    await app.jobs.drain();
    const [job] = await app.database.db.select().from(jobs).where(eq(jobs.key, eventId));
    expect(job).toMatchObject({ finishedAt: null, failedAt: null });
    expect(job?.lastError).toMatch(/not visible yet/);

    // The row commits (as another server's transaction would), then the retry comes due.
    await app.database.db.insert(relationships).values({
      id,
      coachUserId: coach.userId,
      clientEmail: email,
      coachOrgId: coach.practiceId,
      origin: 'invitation',
      invitationId: invitation.id,
      status: 'pending',
      expiresAt: invitation.expiresAt,
      createdBy: coach.userId,
      updatedBy: coach.userId,
    });
    await app.database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.key, eventId));
    await app.jobs.drain();
    expect(await relationshipRow(app, id)).toMatchObject({
      status: 'active',
      clientUserId: invitee.userId,
    });
  });
});

describe('an invitee signing up', () => {
  it('becomes a client once verified; an ADMIN_EMAILS address stays an admin', async () => {
    const email = uniqueEmail('new-client');
    await inviteClient(app, coach, email);
    const invitee = await signUpAndVerify(app, { email });
    await app.jobs.drain();
    expect(roleOf((await app.identity.provider.users.get(invitee.userId))?.publicMetadata)).toBe(
      'client',
    );

    await inviteClient(app, coach, adminInvitee);
    const admin = await signUpAndVerify(app, { email: adminInvitee });
    await app.jobs.drain();
    expect(roleOf((await app.identity.provider.users.get(admin.userId))?.publicMetadata)).toBe(
      'admin',
    );
    // Without a pending invitation, nobody becomes a client by signing up.
    const stranger = await signUpAndVerify(app);
    await app.jobs.drain();
    expect(roleOf((await app.identity.provider.users.get(stranger.userId))?.publicMetadata)).toBe(
      'pending',
    );
  });

  it('in waitlist mode, may sign up thanks to the invitation and becomes a client; the registry’s role wins', async () => {
    const waitlist = await createWaitlistTestApp();
    try {
      const { app: listed, asAdmin } = waitlist;
      const coachEmail = uniqueEmail('wl-coach');
      await asAdmin('POST', '/api/v1/admin/approved-users', { email: coachEmail, role: 'coach' });
      const coachPerson = await signUpAndVerify(listed, { email: coachEmail });
      const waitlistCoach = await onboardCoach(listed, coachPerson);

      // Without an invitation, the email may not sign up.
      await expect(signUpAndVerify(listed, { email: uniqueEmail('stranger') })).rejects.toThrow();

      const email = uniqueEmail('wl-invitee');
      const { id } = await inviteClient(listed, waitlistCoach, email);
      const invitee = await signUpAndVerify(listed, { email });
      await listed.jobs.drain();
      const user = await listed.identity.provider.users.get(invitee.userId);
      expect(roleOf(user?.publicMetadata)).toBe('client');
      const mine = await as(listed, invitee).get('/api/v1/member/coaching-relationships/');
      expect(mine.json().data.map((r: { id: string }) => r.id)).toEqual([id]);

      // An email the registry approved as a coach keeps that role.
      const approved = uniqueEmail('wl-approved');
      await asAdmin('POST', '/api/v1/admin/approved-users', { email: approved, role: 'coach' });
      await inviteClient(listed, waitlistCoach, approved);
      const colleague = await signUpAndVerify(listed, { email: approved });
      await listed.jobs.drain();
      const colleagueUser = await listed.identity.provider.users.get(colleague.userId);
      expect(roleOf(colleagueUser?.publicMetadata)).toBe('coach');
    } finally {
      await waitlist.app.close();
    }
  });
});
