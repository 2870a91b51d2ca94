// Profiles through the HTTP API on the embedded provider: the caller's own (read, create, update),
// coach and client onboarding (provider first, one step), and who may see someone's summary.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs, uniqueEmail } from '../../../../test/support/identity.ts';
import { as, createOrganization } from '../../../../test/support/tenants.ts';
import { IdentityProviderError } from '../../identity/port.ts';
import { tenants } from '../tenants/schema.ts';
import { profiles } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());
afterEach(() => vi.restoreAllMocks());

const profile = { firstName: 'Ada', lastName: 'Lovelace', timezone: 'Europe/London' };
const practice = {
  name: 'Lovelace Coaching',
  specialties: ['leadership'],
  experience_years: 10,
  philosophy: 'Ask better questions.',
};

describe('/api/v1/users/me/profile', () => {
  it('creates, reads and updates the caller’s own profile, keyed by the identity user id', async () => {
    const coach = await signedInAs(app, 'coach');
    const me = as(app, coach);
    expect((await me.get('/api/v1/users/me/profile')).statusCode).toBe(404);
    const created = await me.post('/api/v1/users/me/profile', {
      ...profile,
      headline: 'Executive coach',
      coachData: { specialties: ['leadership'], yearsOfExperience: 10 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      identityUserId: coach.userId,
      firstName: 'Ada',
      headline: 'Executive coach',
      coachData: { specialties: ['leadership'], yearsOfExperience: 10 },
      clientData: null,
      primaryOrganizationId: null,
    });
    const updated = await me.put('/api/v1/users/me/profile', { headline: null, bio: 'Hi.\nMe.' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ firstName: 'Ada', headline: null, bio: 'Hi.\nMe.' });
    expect((await me.get('/api/v1/users/me/profile')).json()).toEqual(updated.json());

    const again = await me.post('/api/v1/users/me/profile', profile);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', existing: updated.json() });
  });

  it('refuses invalid fields, data of another role, and a pending user', async () => {
    const client = await signedInAs(app, 'client');
    const invalid = await as(app, client).post('/api/v1/users/me/profile', {
      firstName: '',
      lastName: 'x'.repeat(121),
      timezone: 'Mars/Olympus',
      extra: true,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/body.firstName: must not be empty/);
    expect(invalid.json().message).toMatch(/IANA time zone/);
    const coachData = await as(app, client).post('/api/v1/users/me/profile', {
      ...profile,
      coachData: { specialties: ['x'] },
    });
    expect(coachData.statusCode).toBe(400);
    expect(coachData.json().message).toBe('coachData: only a coach’s profile has coach data.');
    expect((await as(app, client).put('/api/v1/users/me/profile', {})).statusCode).toBe(400);
    expect((await as(app, client).put('/api/v1/users/me/profile', profile)).statusCode).toBe(404);

    const pending = await signedInAs(app, 'pending');
    expect((await as(app, pending).post('/api/v1/users/me/profile', profile)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/users/me/profile' })).statusCode).toBe(
      401,
    );
  });
});

describe('POST /api/v1/profiles/coach', () => {
  it('creates the practice in the provider (coach its admin), the tenant and the profile', async () => {
    const coach = await signedInAs(app, 'coach');
    const response = await as(app, coach).post('/api/v1/profiles/coach', {
      profile: { ...profile, coachData: { yearsOfExperience: 10 } },
      practice,
    });
    expect(response.statusCode).toBe(201);
    const { profile: made, tenant } = response.json();
    expect(tenant).toMatchObject({
      name: 'Lovelace Coaching',
      kind: 'coach_practice',
      role: 'admin',
      isPrimary: true,
      metadata: { kind: 'coach_practice', specialties: ['leadership'], experience_years: 10 },
    });
    expect(made).toMatchObject({
      identityUserId: coach.userId,
      primaryOrganizationId: tenant.identityOrgId,
    });
    const [membership] = await app.identity.provider.organizations.listMemberships(coach.userId);
    expect(membership).toMatchObject({ role: 'admin', organization: { id: tenant.identityOrgId } });

    // Twice: 409 with the profile, and no second organization.
    const again = await as(app, coach).post('/api/v1/profiles/coach', { profile, practice });
    expect(again.statusCode).toBe(409);
    expect(again.json().existing).toEqual(made);
    expect(await app.identity.provider.organizations.listMemberships(coach.userId)).toHaveLength(1);

    // The primary organization is listed first.
    const second = await createOrganization(app, coach, { name: 'Aardvark Coaching' });
    const list = await as(app, coach).get('/api/v1/tenants/me/get-tenants?sync_from_clerk=false');
    expect(list.json().data.map((t: { identityOrgId: string }) => t.identityOrgId)).toEqual([
      tenant.identityOrgId,
      second,
    ]);
  });

  it('writes nothing and answers 502 when the provider fails', async () => {
    const coach = await signedInAs(app, 'coach');
    const tenantsBefore = await app.database.db.select().from(tenants);
    vi.spyOn(app.identity.provider.organizations, 'create').mockRejectedValue(
      new IdentityProviderError('Clerk refused to create the organization: it is down.', 502),
    );
    const response = await as(app, coach).post('/api/v1/profiles/coach', { profile, practice });
    expect(response.statusCode).toBe(502);
    expect(response.json().message).toBe('Clerk refused to create the organization: it is down.');
    expect(
      await app.database.db
        .select()
        .from(profiles)
        .where(eq(profiles.identityUserId, coach.userId)),
    ).toEqual([]);
    expect(await app.database.db.select().from(tenants)).toEqual(tenantsBefore);
  });

  it('refuses a client (403) and invalid practice details (400)', async () => {
    const client = await signedInAs(app, 'client');
    expect(
      (await as(app, client).post('/api/v1/profiles/coach', { profile, practice })).statusCode,
    ).toBe(403);
    const coach = await signedInAs(app, 'coach');
    const invalid = await as(app, coach).post('/api/v1/profiles/coach', {
      profile,
      practice: { ...practice, specialties: [] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().issues[0].path).toBe('body.practice.specialties');
  });
});

describe('POST /api/v1/profiles/client', () => {
  it('creates the profile and a new company', async () => {
    const client = await signedInAs(app, 'client');
    const response = await as(app, client).post('/api/v1/profiles/client', {
      profile: { ...profile, clientData: { jobTitle: 'CTO' } },
      company: { action: 'create', name: 'Acme Ltd', industry: 'Software', size: '51-200' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().tenant).toMatchObject({
      name: 'Acme Ltd',
      kind: 'client_company',
      role: 'admin',
      metadata: { kind: 'client_company', industry: 'Software', size: '51-200' },
    });
    expect(response.json().profile.clientData).toEqual({ jobTitle: 'CTO' });
  });

  it('joins the company whose pending invitation the client holds', async () => {
    const companyAdmin = await signedInAs(app, 'client');
    const orgId = await createOrganization(app, companyAdmin, {
      name: 'Inviting Co',
      metadata: { kind: 'client_company', industry: 'Retail', size: '1-10' },
    });
    const email = uniqueEmail('joiner');
    const invitation = await as(app, companyAdmin).post(`/api/v1/tenants/${orgId}/invitations`, {
      email,
    });
    const joiner = await signedInAs(app, 'client', { email });
    const response = await as(app, joiner).post('/api/v1/profiles/client', {
      profile,
      company: { action: 'join', invitationId: invitation.json().id },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().tenant).toMatchObject({ identityOrgId: orgId, role: 'member' });
    expect(response.json().profile.primaryOrganizationId).toBe(orgId);

    // Someone else's invitation: 404, and no profile.
    const other = await signedInAs(app, 'client');
    const refused = await as(app, other).post('/api/v1/profiles/client', {
      profile,
      company: { action: 'join', invitationId: invitation.json().id },
    });
    expect(refused.statusCode).toBe(404);
    expect((await as(app, other).get('/api/v1/users/me/profile')).statusCode).toBe(404);
  });

  it('refuses a coach (403) and an unknown company action (400)', async () => {
    const coach = await signedInAs(app, 'coach');
    const body = { profile, company: { action: 'create', name: 'X', industry: 'Y', size: '1-10' } };
    expect((await as(app, coach).post('/api/v1/profiles/client', body)).statusCode).toBe(403);
    const client = await signedInAs(app, 'client');
    const invalid = await as(app, client).post('/api/v1/profiles/client', {
      profile,
      company: { action: 'adopt' },
    });
    expect(invalid.statusCode).toBe(400);
  });
});

describe('GET /api/v1/profiles/{identityUserId}', () => {
  it('shows a summary to people who share an organization, and 404 to anyone else', async () => {
    const coach = await signedInAs(app, 'coach');
    const colleague = await signedInAs(app, 'coach');
    const stranger = await signedInAs(app, 'coach');
    const made = await as(app, coach).post('/api/v1/profiles/coach', {
      profile: { ...profile, bio: 'Private-ish' },
      practice: { ...practice, name: 'Shared Practice' },
    });
    const orgId = made.json().tenant.identityOrgId;
    await app.identity.provider.organizations.addMember({
      organizationId: orgId,
      userId: colleague.userId,
      role: 'member',
    });
    const url = `/api/v1/profiles/${coach.userId}`;
    const seen = await as(app, colleague).get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({
      identityUserId: coach.userId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      headline: null,
      primaryOrganizationId: orgId,
    });
    expect((await as(app, coach).get(url)).statusCode).toBe(200);
    expect((await as(app, stranger).get(url)).statusCode).toBe(404);
    // A colleague without a profile: 404 as well.
    expect((await as(app, coach).get(`/api/v1/profiles/${colleague.userId}`)).statusCode).toBe(404);
    expect((await as(app, stranger).get('/api/v1/profiles/user_nobody')).statusCode).toBe(404);
  });
});
