import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  signUpAndVerify,
  TEST_PASSWORD,
  uniqueClientAddress,
  uniqueEmail,
} from '../../../../test/support/identity.ts';
import { createWaitlistTestApp } from '../../../../test/support/waitlist-app.ts';
import { appInvitations } from '../../identity/local/schema.ts';
import { roleOf } from '../../identity/port.ts';
import { mailOutbox } from '../../mail/schema.ts';

let app: Awaited<ReturnType<typeof createWaitlistTestApp>>['app'];
let adminEmail: string;
let asAdmin: Awaited<ReturnType<typeof createWaitlistTestApp>>['asAdmin'];
beforeAll(async () => {
  ({ app, adminEmail, asAdmin } = await createWaitlistTestApp());
});
afterAll(() => app.close());

const encoded = (email: string) => encodeURIComponent(email);

describe('approval → sign-up → role', () => {
  it('refuses sign-up to an email that is not approved, pointing it to the waitlist by mail', async () => {
    const email = uniqueEmail('stranger');
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      remoteAddress: uniqueClientAddress(),
      payload: { email, name: 'Stranger', password: TEST_PASSWORD },
    });
    // The answer is the same as for an approved email (it reveals nothing); the mail says why.
    expect(response.statusCode).toBe(200);
    expect(await app.identity.provider.users.findByEmail(email)).toBeNull();
    const mails = await app.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('/waitlist/');
  });

  it('gives the pre-assigned role at verification and marks the entry joined, once', async () => {
    const email = uniqueEmail('coach-to-be');
    await app.inject({
      method: 'POST',
      url: '/api/v1/waitlist',
      remoteAddress: uniqueClientAddress(),
      payload: { email, role: 'client' },
    });
    await asAdmin('POST', '/api/v1/admin/waitlist/approve', { emails: [email], role: 'coach' });
    // The registry wins over the invitation: a role changed after the invitation went out applies.
    await asAdmin('PUT', `/api/v1/admin/approved-users/${encoded(email)}`, {
      role: 'client',
      notes: 'Changed our mind',
    });

    const person = await signUpAndVerify(app, { email });
    expect(roleOf((await app.identity.provider.users.get(person.userId))?.publicMetadata)).toBe(
      'client',
    );
    const [entry] = (
      await asAdmin('GET', `/api/v1/admin/approved-users?query=${encoded(email)}`)
    ).json().data;
    expect(entry).toMatchObject({ status: 'joined', role: 'client', joinedAt: expect.any(String) });

    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      headers: bearer(person.token),
    });
    expect(me.json().role).toBe('client');
  });
});

describe('approved users CRUD', () => {
  it('pre-approves an email that never joined, invites it, and refuses a second add', async () => {
    const email = uniqueEmail('pre');
    const added = await asAdmin('POST', '/api/v1/admin/approved-users', {
      email: email.toUpperCase(),
      role: 'coach',
      notes: 'Referral',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      email,
      role: 'coach',
      status: 'approved',
      waitlistJoinedAt: null,
      approvedBy: adminEmail,
      invitedAt: expect.any(String),
    });
    expect(
      await app.database.db.select().from(appInvitations).where(eq(appInvitations.email, email)),
    ).toHaveLength(1);
    const again = await asAdmin('POST', '/api/v1/admin/approved-users', { email, role: 'client' });
    expect(again.statusCode).toBe(409);
  });

  it('changes role and notes, and deletes (revoking the unused invitation)', async () => {
    const email = uniqueEmail('crud');
    await asAdmin('POST', '/api/v1/admin/approved-users', { email, role: 'coach' });
    const updated = await asAdmin('PUT', `/api/v1/admin/approved-users/${encoded(email)}`, {
      role: 'client',
      notes: null,
    });
    expect(updated.json()).toMatchObject({ role: 'client', notes: null });
    const removed = await asAdmin('DELETE', `/api/v1/admin/approved-users/${encoded(email)}`);
    expect(removed.statusCode).toBe(204);
    const [invitation] = await app.database.db
      .select()
      .from(appInvitations)
      .where(eq(appInvitations.email, email));
    expect(invitation?.status).toBe('revoked');
    expect(
      (await asAdmin('DELETE', `/api/v1/admin/approved-users/${encoded(email)}`)).statusCode,
    ).toBe(404);
    expect(
      (await asAdmin('PUT', `/api/v1/admin/approved-users/${encoded(email)}`, { role: 'coach' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses bad input and treats a waiting (not approved) email as unknown', async () => {
    expect(
      (await asAdmin('POST', '/api/v1/admin/approved-users', { email: 'nope', role: 'guru' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await asAdmin('PUT', `/api/v1/admin/approved-users/${encoded(uniqueEmail())}`, {}))
        .statusCode,
    ).toBe(400);
    const waiting = uniqueEmail('waiting');
    await app.inject({
      method: 'POST',
      url: '/api/v1/waitlist',
      remoteAddress: uniqueClientAddress(),
      payload: { email: waiting, role: 'coach' },
    });
    expect(
      (await asAdmin('PUT', `/api/v1/admin/approved-users/${encoded(waiting)}`, { role: 'client' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('import and export', () => {
  it('imports CSV all-or-nothing: one bad row and nothing changes, with a per-row report', async () => {
    const good = uniqueEmail('csv-good');
    const csv = `Email,Role,Notes\n${good},coach,From the conference\nnot-an-email,client,\n${good},client,duplicate\nsomeone@example.com,wizard,\n`;
    const response = await asAdmin('POST', '/api/v1/admin/approved-users/bulk', csv, {
      'content-type': 'text/csv',
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.applied).toBe(false);
    expect(report.rows.map((row: { outcome: string }) => row.outcome)).toEqual([
      'added',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(report.rows[1].errors[0]).toMatch(/^email:/);
    expect(report.rows[2].errors).toEqual(['email: also on row 1']);
    expect(report.rows[3].errors[0]).toMatch(/^role:/);
    expect(
      (await asAdmin('GET', `/api/v1/admin/approved-users?query=${encoded(good)}`)).json()
        .totalCount,
    ).toBe(0);
  });

  it('imports the valid rows with valid-only, and JSON the same way; a dry run changes nothing', async () => {
    const first = uniqueEmail('json-a');
    const second = uniqueEmail('json-b');
    const body = {
      users: [
        { email: first, role: 'coach' },
        { email: 'bad', role: 'coach' },
        { email: second, role: 'client', notes: 'VIP' },
      ],
    };
    const dry = await asAdmin(
      'POST',
      '/api/v1/admin/approved-users/bulk?mode=valid-only&dryRun=true',
      body,
    );
    expect(dry.json()).toMatchObject({ applied: false, counts: { invalid: 1 } });
    expect(
      (await asAdmin('GET', `/api/v1/admin/approved-users?query=${encoded(first)}`)).json()
        .totalCount,
    ).toBe(0);

    const applied = await asAdmin(
      'POST',
      '/api/v1/admin/approved-users/bulk?mode=valid-only&notify=false',
      body,
    );
    expect(applied.json()).toMatchObject({ applied: true, counts: { added: 2, invalid: 1 } });
    const again = await asAdmin('POST', '/api/v1/admin/approved-users/bulk?mode=valid-only', {
      users: [
        { email: first, role: 'coach' },
        { email: second, role: 'coach', notes: 'VIP' },
      ],
    });
    expect(again.json().rows.map((row: { outcome: string }) => row.outcome)).toEqual([
      'unchanged',
      'updated',
    ]);
    expect(
      await app.database.db.select().from(appInvitations).where(eq(appInvitations.email, first)),
    ).toHaveLength(0);
  });

  it('refuses unreadable CSV', async () => {
    const response = await asAdmin(
      'POST',
      '/api/v1/admin/approved-users/bulk',
      'email,role\n"unclosed,coach\n',
      { 'content-type': 'text/csv' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/CSV could not be read/);
  });

  it('exports approved users as CSV and JSON', async () => {
    const email = uniqueEmail('export');
    await asAdmin('POST', '/api/v1/admin/approved-users', {
      email,
      role: 'coach',
      notes: 'Has, commas',
    });
    const csv = await asAdmin('GET', '/api/v1/admin/approved-users/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('approved-users.csv');
    expect(csv.body.split('\n')[0]).toBe(
      'email,role,status,name,notes,approved_at,approved_by,joined_at',
    );
    expect(csv.body).toContain(`${email},coach,approved,,"Has, commas"`);
    const json = await asAdmin('GET', '/api/v1/admin/approved-users/export?format=json');
    expect(JSON.parse(json.body).users).toContainEqual(
      expect.objectContaining({ email, role: 'coach', notes: 'Has, commas' }),
    );
  });
});

describe('backup and restore', () => {
  it('restores a backup in full, and refuses a corrupted one without changing anything', async () => {
    const kept = uniqueEmail('kept');
    await asAdmin('POST', '/api/v1/admin/approved-users', { email: kept, role: 'coach' });
    const backup = (await asAdmin('GET', '/api/v1/admin/approved-users/backup')).json();
    expect(backup).toMatchObject({ format: 'arete.waitlist-registry', version: 1 });

    const later = uniqueEmail('later');
    await asAdmin('POST', '/api/v1/admin/approved-users', { email: later, role: 'client' });
    const before = (await asAdmin('GET', '/api/v1/admin/approved-users/backup')).json().entries;

    const corrupted = [
      { ...backup, version: 2 },
      { ...backup, entries: [...backup.entries, { ...backup.entries[0], status: 'maybe' }] },
      { ...backup, entries: [...backup.entries, { ...backup.entries[0] }] },
      { ...backup, entries: [{ ...backup.entries[0], surprise: true }] },
    ];
    for (const document of corrupted) {
      const response = await asAdmin('POST', '/api/v1/admin/approved-users/restore', document);
      expect(response.statusCode).toBe(400);
    }
    expect((await asAdmin('GET', '/api/v1/admin/approved-users/backup')).json().entries).toEqual(
      before,
    );

    const restored = await asAdmin('POST', '/api/v1/admin/approved-users/restore', backup);
    expect(restored.json()).toEqual({ restored: backup.entries.length, replaced: before.length });
    const after = (await asAdmin('GET', '/api/v1/admin/approved-users/backup')).json().entries;
    expect(after).toEqual(backup.entries);
    expect(after.some((entry: { email: string }) => entry.email === later)).toBe(false);
  });
});

describe('admin only', () => {
  it('refuses every approved-users endpoint to a coach', async () => {
    const email = uniqueEmail('coach');
    await asAdmin('POST', '/api/v1/admin/approved-users', { email, role: 'coach' });
    const coach = await signUpAndVerify(app, { email });
    for (const [method, url] of [
      ['GET', '/api/v1/admin/approved-users'],
      ['POST', '/api/v1/admin/approved-users'],
      ['PUT', `/api/v1/admin/approved-users/${encoded(email)}`],
      ['DELETE', `/api/v1/admin/approved-users/${encoded(email)}`],
      ['POST', '/api/v1/admin/approved-users/bulk'],
      ['GET', '/api/v1/admin/approved-users/export'],
      ['GET', '/api/v1/admin/approved-users/backup'],
      ['POST', '/api/v1/admin/approved-users/restore'],
    ] as const) {
      const response = await app.inject({ method, url, headers: bearer(coach.token), payload: {} });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
