// An organization's members and invitations through the HTTP API on the embedded provider: members
// see members; admins invite, revoke, change roles and remove, never the last admin; everyone else
// gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { latestMailTo, signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import { as, createOrganization, type Person } from '../../../../test/support/tenants.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let admin: Person;
let member: Person;
let outsider: Person;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  app = await createTestApp();
  [admin, member, outsider] = await Promise.all([
    signedInAs(app, 'coach'),
    signedInAs(app, 'coach'),
    signedInAs(app, 'coach'),
  ]);
  orgId = await createOrganization(app, admin, { name: 'Members Practice' });
  otherOrgId = await createOrganization(app, outsider, { name: 'Other Practice' });
  await app.identity.provider.organizations.addMember({
    organizationId: orgId,
    userId: member.userId,
    role: 'member',
  });
  await app.jobs.drain();
});
afterAll(() => app.close());

const members = () => `/api/v1/tenants/${orgId}/members`;
const invitations = () => `/api/v1/tenants/${orgId}/invitations`;

describe('GET …/members', () => {
  it('lists the members with roles to a member, and answers 404 to anyone else', async () => {
    const response = await as(app, member).get(members());
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual([
      expect.objectContaining({ userId: admin.userId, email: admin.email, role: 'admin' }),
      expect.objectContaining({ userId: member.userId, role: 'member' }),
    ]);
    expect((await as(app, outsider).get(members())).statusCode).toBe(404);
    expect((await as(app, outsider).get('/api/v1/tenants/org_nope/members')).statusCode).toBe(404);
  });
});

describe('invitations', () => {
  it('lets an admin invite by email (mailed), list and revoke pending ones', async () => {
    const email = uniqueEmail('colleague');
    const created = await as(app, admin).post(invitations(), { email: email.toUpperCase() });
    expect(created.statusCode).toBe(201);
    const invitation = created.json();
    expect(invitation).toMatchObject({
      email,
      role: 'member',
      status: 'pending',
      identityOrgId: orgId,
    });
    await app.jobs.drain();
    const { link } = await latestMailTo(app, email);
    expect(link).toContain(`/invitations/${invitation.id}`);

    const listed = await as(app, admin).get(invitations());
    expect(listed.json().data.map((i: { id: string }) => i.id)).toContain(invitation.id);
    const revoked = await as(app, admin).post(`${invitations()}/${invitation.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const pendingNow = await as(app, admin).get(invitations());
    expect(pendingNow.json().data.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
    const revokedList = await as(app, admin).get(`${invitations()}?status=revoked`);
    expect(revokedList.json().data.map((i: { id: string }) => i.id)).toContain(invitation.id);
  });

  it('refuses a bad email and an unknown role', async () => {
    const response = await as(app, admin).post(invitations(), { email: 'nope', role: 'owner' });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual([
      'body.email',
      'body.role',
    ]);
    expect((await as(app, admin).get(`${invitations()}?status=lost`)).statusCode).toBe(400);
  });

  it('refuses a member (403) and an outsider (404)', async () => {
    const email = uniqueEmail();
    expect((await as(app, member).post(invitations(), { email })).statusCode).toBe(403);
    expect((await as(app, member).get(invitations())).statusCode).toBe(403);
    expect((await as(app, outsider).post(invitations(), { email })).statusCode).toBe(404);
    expect((await as(app, outsider).get(invitations())).statusCode).toBe(404);
  });

  it("answers 404 for another organization's invitation, even to its admin", async () => {
    const theirs = await as(app, outsider).post(`/api/v1/tenants/${otherOrgId}/invitations`, {
      email: uniqueEmail(),
    });
    const response = await as(app, admin).post(`${invitations()}/${theirs.json().id}/revoke`);
    expect(response.statusCode).toBe(404);
    const byOutsider = await as(app, outsider).post(
      `/api/v1/tenants/${orgId}/invitations/${theirs.json().id}/revoke`,
    );
    expect(byOutsider.statusCode).toBe(404);
  });
});

describe('roles and removal', () => {
  it('keeps the last admin: demoting or removing them answers 409', async () => {
    const demote = await as(app, admin).put(`${members()}/${admin.userId}/role`, {
      role: 'member',
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().message).toMatch(/at least one admin/);
    const remove = await as(app, admin).delete(`${members()}/${admin.userId}`);
    expect(remove.statusCode).toBe(409);
  });

  it('refuses a member (403), an outsider (404), an unknown member (404) and a bad role (400)', async () => {
    const url = `${members()}/${admin.userId}/role`;
    expect((await as(app, member).put(url, { role: 'member' })).statusCode).toBe(403);
    expect((await as(app, outsider).put(url, { role: 'member' })).statusCode).toBe(404);
    expect((await as(app, member).delete(`${members()}/${admin.userId}`)).statusCode).toBe(403);
    expect((await as(app, outsider).delete(`${members()}/${member.userId}`)).statusCode).toBe(404);
    expect(
      (await as(app, admin).put(`${members()}/${outsider.userId}/role`, { role: 'admin' }))
        .statusCode,
    ).toBe(404);
    expect((await as(app, admin).put(url, { role: 'owner' })).statusCode).toBe(400);
  });

  it('promotes a member (mirrored at once, organization_roles too), then removes one', async () => {
    const promoted = await as(app, admin).put(`${members()}/${member.userId}/role`, {
      role: 'admin',
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ userId: member.userId, role: 'admin' });
    const seen = await as(app, member).get(`/api/v1/tenants/${orgId}`);
    expect(seen.json().role).toBe('admin');
    const user = await app.identity.provider.users.get(member.userId);
    expect(user?.publicMetadata.organization_roles).toMatchObject({ [orgId]: 'admin' });

    // Two admins now: the first may be removed by the second.
    const removed = await as(app, member).delete(`${members()}/${admin.userId}`);
    expect(removed.statusCode).toBe(204);
    expect((await as(app, admin).get(`/api/v1/tenants/${orgId}`)).statusCode).toBe(404);
    const former = await app.identity.provider.users.get(admin.userId);
    expect(former?.publicMetadata.organization_roles).not.toHaveProperty(orgId);
  });
});
