// The invitee's side of an organization invitation through the HTTP API (embedded provider): what
// the acceptance page shows, accepting and declining, only for the addressee (anyone else: 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { latestMailTo, signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import {
  as,
  companyMetadata,
  createOrganization,
  type Person,
} from '../../../../test/support/tenants.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let admin: Person;
let stranger: Person;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp();
  [admin, stranger] = await Promise.all([signedInAs(app, 'client'), signedInAs(app, 'client')]);
  orgId = await createOrganization(app, admin, { name: 'Acme Ltd', metadata: companyMetadata });
});
afterAll(() => app.close());

async function invite(email: string, role: 'admin' | 'member' = 'member'): Promise<string> {
  const response = await as(app, admin).post(`/api/v1/tenants/${orgId}/invitations`, {
    email,
    role,
  });
  if (response.statusCode !== 201) throw new Error(`invite: ${response.body}`);
  return response.json().id;
}

describe('/api/v1/invitations/{id}', () => {
  it('shows the invitation to its addressee, who accepts it and sees the company', async () => {
    const invitee = await signedInAs(app, 'client', { email: uniqueEmail('invitee') });
    const id = await invite(invitee.email);
    await app.jobs.drain();
    const { link } = await latestMailTo(app, invitee.email);
    expect(new URL(link ?? '').pathname).toBe(`/invitations/${id}`);

    const shown = await as(app, invitee).get(`/api/v1/invitations/${id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      id,
      email: invitee.email,
      role: 'member',
      status: 'pending',
      organization: { identityOrgId: orgId, name: 'Acme Ltd', kind: 'client_company' },
      acceptance: 'embedded',
    });

    const offered = await as(app, invitee).get('/api/v1/invitations');
    expect(offered.json().data).toEqual([shown.json()]);
    expect((await as(app, stranger).get('/api/v1/invitations')).json().data).toEqual([]);

    const accepted = await as(app, invitee).post(`/api/v1/invitations/${id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().tenant).toMatchObject({ identityOrgId: orgId, role: 'member' });
    const listed = await as(app, invitee).get(
      '/api/v1/tenants/me/get-tenants?sync_from_clerk=false',
    );
    expect(listed.json().data.map((t: { identityOrgId: string }) => t.identityOrgId)).toEqual([
      orgId,
    ]);
    const user = await app.identity.provider.users.get(invitee.userId);
    expect(user?.publicMetadata.organization_roles).toEqual({ [orgId]: 'member' });
    // Accepting again answers the same; declining now is refused.
    expect((await as(app, invitee).post(`/api/v1/invitations/${id}/accept`)).statusCode).toBe(200);
    const decline = await as(app, invitee).post(`/api/v1/invitations/${id}/decline`);
    expect(decline.statusCode).toBe(422);
    expect(decline.json().message).toBe('This invitation is accepted, no longer pending.');
    expect((await as(app, invitee).get('/api/v1/invitations')).json().data).toEqual([]);
    const all = await as(app, invitee).get('/api/v1/invitations?status=accepted');
    expect(all.json().data.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('declines: the invitation is revoked and can no longer be accepted', async () => {
    const invitee = await signedInAs(app, 'client');
    const id = await invite(invitee.email);
    const declined = await as(app, invitee).post(`/api/v1/invitations/${id}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ id, status: 'revoked' });
    expect((await as(app, invitee).post(`/api/v1/invitations/${id}/accept`)).statusCode).toBe(422);
    const pending = await as(app, admin).get(`/api/v1/tenants/${orgId}/invitations`);
    expect(pending.json().data.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('answers 404 to anyone but the addressee, the inviting admin included', async () => {
    const invitee = await signedInAs(app, 'client');
    const id = await invite(invitee.email);
    for (const person of [stranger, admin]) {
      for (const response of [
        await as(app, person).get(`/api/v1/invitations/${id}`),
        await as(app, person).post(`/api/v1/invitations/${id}/accept`),
        await as(app, person).post(`/api/v1/invitations/${id}/decline`),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error).toBe('not_found');
      }
    }
    expect((await as(app, invitee).get('/api/v1/invitations/orginv_unknown')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/invitations/${id}` })).statusCode).toBe(
      401,
    );
    expect((await as(app, invitee).get('/api/v1/invitations/bad%20id')).statusCode).toBe(400);
  });
});
