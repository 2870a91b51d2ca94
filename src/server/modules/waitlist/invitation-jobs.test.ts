// Invitations and their revocation are durable jobs, queued in the transaction of the change that
// causes them: they survive a crash, follow the registry as it is when they run, and a restore,
// rejection or removal takes back an invitation not used yet. The role is never in the invitation:
// it is read from the registry when the email is verified.
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  latestMailTo,
  setPasswordThroughLink,
  signUpAndVerify,
  TEST_PASSWORD,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { createWaitlistTestApp } from '../../../../test/support/waitlist-app.ts';
import { buildApp } from '../../app.ts';
import { appInvitations } from '../../identity/local/schema.ts';
import { roleOf } from '../../identity/port.ts';
import { claimDueJobs } from '../../jobs/repository.ts';
import { jobs } from '../../jobs/schema.ts';
import { invitationJob, revocationJob } from './invitations.ts';
import { waitlistEntries } from './schema.ts';

type Harness = Awaited<ReturnType<typeof createWaitlistTestApp>>;

const encoded = (email: string) => encodeURIComponent(email);

function invitationsTo(harness: Harness, email: string) {
  return harness.app.database.db
    .select()
    .from(appInvitations)
    .where(eq(appInvitations.email, email));
}

async function entryOf(harness: Harness, email: string) {
  const [entry] = await harness.app.database.db
    .select()
    .from(waitlistEntries)
    .where(eq(waitlistEntries.email, email));
  return entry;
}

async function roleByEmail(harness: Harness, email: string) {
  await harness.app.jobs.drain();
  const user = await harness.app.identity.provider.users.findByEmail(email);
  return user ? roleOf(user.publicMetadata) : null;
}

/** Another server on the same database: what starts after the first one crashed. */
async function nextServer(harness: Harness) {
  return buildApp({ config: harness.config, database: harness.app.database });
}

describe('after a crash', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createWaitlistTestApp();
  });
  afterAll(() => harness.app.close());

  it('a server started after one that died before running them sends the queued invitations', async () => {
    // The runner is stopped, as if the server died right after the approvals committed.
    await harness.app.jobs.stop();
    const emails = [uniqueEmail('queued-a'), uniqueEmail('queued-b'), uniqueEmail('imported')];
    const added = await harness.asAdmin('POST', '/api/v1/admin/approved-users', {
      email: emails[0],
      role: 'coach',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().invitedAt).toEqual(expect.any(String));
    await harness.app.inject({
      method: 'POST',
      url: '/api/v1/waitlist',
      remoteAddress: uniqueClientAddress(),
      payload: { email: emails[1], role: 'client' },
    });
    const approved = await harness.asAdmin('POST', '/api/v1/admin/waitlist/approve', {
      emails: [emails[1]],
      role: 'client',
    });
    expect(approved.json().results[0]).toMatchObject({ outcome: 'approved', invitationSent: true });
    const imported = await harness.asAdmin('POST', '/api/v1/admin/approved-users/bulk', {
      users: [{ email: emails[2], role: 'coach' }],
    });
    expect(imported.json()).toMatchObject({ applied: true, counts: { added: 1 } });
    for (const email of emails) expect(await invitationsTo(harness, email)).toEqual([]);

    const next = await nextServer(harness);
    try {
      await next.jobs.drain();
    } finally {
      await next.close();
    }
    for (const email of emails) {
      const invitations = await invitationsTo(harness, email);
      expect(invitations).toHaveLength(1);
      expect(invitations[0]?.publicMetadata).not.toHaveProperty('primary_role');
      expect((await entryOf(harness, email))?.invitationId).toBe(invitations[0]?.id);
      expect((await latestMailTo(harness.app, email)).link).toContain('/sign-up?email=');
    }
  });

  it('a job the dead server was running is taken over once its lease runs out, and sent once', async () => {
    const email = uniqueEmail('mid-job');
    await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email, role: 'coach' });
    const db = harness.app.database.db;
    // The dead server had claimed the job (its lease still runs) when it was killed.
    const claimed = await claimDueJobs(db, [
      { kind: invitationJob.name, slots: 10, leaseMs: 60_000, maxAttempts: 15 },
    ]);
    expect(claimed.length).toBeGreaterThan(0);

    const next = await nextServer(harness);
    try {
      await next.jobs.drain();
      expect(await invitationsTo(harness, email)).toEqual([]);
      await db
        .update(jobs)
        .set({ leaseUntil: new Date(Date.now() - 1_000) })
        .where(eq(jobs.kind, invitationJob.name));
      await next.jobs.drain();
    } finally {
      await next.close();
    }
    expect(await invitationsTo(harness, email)).toHaveLength(1);
  });

  it('an invitation queued for an approval withdrawn before it ran is never sent', async () => {
    const email = uniqueEmail('withdrawn');
    await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email, role: 'client' });
    await harness.asAdmin('DELETE', `/api/v1/admin/approved-users/${encoded(email)}`);
    const next = await nextServer(harness);
    try {
      await next.jobs.drain();
    } finally {
      await next.close();
    }
    expect(await invitationsTo(harness, email)).toEqual([]);
  });
  it('approving again after the invitation failed for good queues it again', async () => {
    const email = uniqueEmail('retry');
    await harness.app.inject({
      method: 'POST',
      url: '/api/v1/waitlist',
      remoteAddress: uniqueClientAddress(),
      payload: { email, role: 'coach' },
    });
    await harness.asAdmin('POST', '/api/v1/admin/waitlist/approve', {
      emails: [email],
      role: 'coach',
    });
    // The provider refused it until the job ran out of attempts.
    await harness.app.database.db
      .update(jobs)
      .set({ failedAt: new Date(), lastError: 'provider unavailable' })
      .where(and(eq(jobs.kind, invitationJob.name), isNull(jobs.finishedAt)));
    const again = await harness.asAdmin('POST', '/api/v1/admin/waitlist/approve', {
      emails: [email],
      role: 'coach',
    });
    expect(again.json().results[0]).toMatchObject({
      outcome: 'already_approved',
      invitationSent: true,
    });
    const next = await nextServer(harness);
    try {
      await next.jobs.drain();
    } finally {
      await next.close();
    }
    expect(await invitationsTo(harness, email)).toHaveLength(1);
    const once = await harness.asAdmin('POST', '/api/v1/admin/waitlist/approve', {
      emails: [email],
      role: 'coach',
    });
    expect(once.json().results[0]).toMatchObject({ invitationSent: false });
  });
});

describe('restore', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createWaitlistTestApp();
  });
  afterAll(() => harness.app.close());

  it('revokes the invitation of an email the backup does not approve, and that email gets no role', async () => {
    const kept = uniqueEmail('kept');
    await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email: kept, role: 'client' });
    const backup = (await harness.asAdmin('GET', '/api/v1/admin/approved-users/backup')).json();

    const ghost = uniqueEmail('ghost');
    await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email: ghost, role: 'coach' });
    expect((await invitationsTo(harness, ghost))[0]?.status).toBe('pending');

    const restored = await harness.asAdmin('POST', '/api/v1/admin/approved-users/restore', backup);
    expect(restored.statusCode).toBe(200);
    expect((await invitationsTo(harness, ghost))[0]?.status).toBe('revoked');
    expect((await invitationsTo(harness, kept))[0]?.status).toBe('pending');

    // Signing up is refused (or comes to nothing): no account holds a role.
    await harness.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      remoteAddress: uniqueClientAddress(),
      payload: { email: ghost, name: 'Ghost', password: TEST_PASSWORD },
    });
    expect(await roleByEmail(harness, ghost)).not.toBe('coach');
    expect(await roleByEmail(harness, ghost)).not.toBe('client');
  });

  it('a refused restore revokes nothing', async () => {
    const ghost = uniqueEmail('ghost-kept');
    const backup = (await harness.asAdmin('GET', '/api/v1/admin/approved-users/backup')).json();
    await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email: ghost, role: 'coach' });
    const broken = {
      ...backup,
      entries: [...backup.entries, { ...backup.entries[0] }],
    };
    expect(
      (await harness.asAdmin('POST', '/api/v1/admin/approved-users/restore', broken)).statusCode,
    ).toBe(400);
    const [invitation] = await invitationsTo(harness, ghost);
    expect(invitation?.status).toBe('pending');
    const revocations = await harness.app.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.kind, revocationJob.name));
    expect(revocations.some((job) => job.key === invitation?.id)).toBe(false);
  });
});

describe('the role at verification', () => {
  it('comes from the registry as it is then: an approval withdrawn after sign-up gives nothing', async () => {
    const harness = await createWaitlistTestApp();
    try {
      const email = uniqueEmail('late-removal');
      await harness.asAdmin('POST', '/api/v1/admin/approved-users', { email, role: 'coach' });
      const signUp = await harness.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        remoteAddress: uniqueClientAddress(),
        payload: { email, name: 'Late' },
      });
      expect(signUp.statusCode).toBe(200);
      const { link } = await latestMailTo(harness.app, email);
      // The approval is withdrawn before the address is proven.
      await harness.asAdmin('DELETE', `/api/v1/admin/approved-users/${encoded(email)}`);
      expect((await invitationsTo(harness, email))[0]?.status).toBe('revoked');
      expect(
        (await setPasswordThroughLink(harness.app, link ?? '', TEST_PASSWORD)).statusCode,
      ).toBe(200);
      expect(await roleByEmail(harness, email)).toBe('pending');
    } finally {
      await harness.app.close();
    }
  });

  it('in open sign-up, a restored-away email that signs up and verifies is pending, not coach', async () => {
    const harness = await createWaitlistTestApp({ signUpMode: 'open' });
    try {
      const backup = (await harness.asAdmin('GET', '/api/v1/admin/approved-users/backup')).json();
      const ghost = uniqueEmail('open-ghost');
      await harness.asAdmin('POST', '/api/v1/admin/approved-users', {
        email: ghost,
        role: 'coach',
      });
      await harness.asAdmin('POST', '/api/v1/admin/approved-users/restore', backup);
      const person = await signUpAndVerify(harness.app, { email: ghost });
      expect(
        roleOf((await harness.app.identity.provider.users.get(person.userId))?.publicMetadata),
      ).toBe('pending');
    } finally {
      await harness.app.close();
    }
  });
});
