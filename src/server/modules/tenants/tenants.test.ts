// Tenants through the HTTP API on the embedded provider: creating (provider first), listing with
// and without the sync, reading one (members only), and the metadata (admins only, per kind, 8 KB).
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signedInAs } from '../../../../test/support/identity.ts';
import {
  as,
  companyMetadata,
  createOrganization,
  type Person,
  practiceMetadata,
} from '../../../../test/support/tenants.ts';
import { IdentityProviderError } from '../../identity/port.ts';
import { auditLog } from '../audit/schema.ts';
import { tenantMembers, tenants } from './schema.ts';
import { PROVIDER_DOWN_WARNING } from './service.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
let coach: Person;
let colleague: Person;
let outsider: Person;
let client: Person;
let pending: Person;
let practiceId: string;

beforeAll(async () => {
  app = await createTestApp();
  [coach, colleague, outsider, client, pending] = await Promise.all([
    signedInAs(app, 'coach'),
    signedInAs(app, 'coach'),
    signedInAs(app, 'coach'),
    signedInAs(app, 'client'),
    signedInAs(app, 'pending'),
  ]);
  practiceId = await createOrganization(app, coach, { name: 'North Star Coaching' });
  await app.identity.provider.organizations.addMember({
    organizationId: practiceId,
    userId: colleague.userId,
    role: 'member',
  });
  await app.jobs.drain();
});
afterAll(() => app.close());
afterEach(() => vi.restoreAllMocks());

async function tenantRows() {
  return app.database.db.select().from(tenants);
}

/**
 * The embedded provider's events mirror a change within moments; to see what the API does about a
 * change the mirror missed (a webhook not delivered yet), deliver them and forget the mirror's rows.
 */
async function forgetMirrorOf(identityOrgId: string) {
  await app.jobs.drain();
  await app.database.db.delete(tenantMembers).where(eq(tenantMembers.identityOrgId, identityOrgId));
  await app.database.db.delete(tenants).where(eq(tenants.identityOrgId, identityOrgId));
}

describe('POST /api/v1/tenants/create', () => {
  it('creates the organization in the provider with the caller as admin, then the tenant', async () => {
    const response = await as(app, client).post('/api/v1/tenants/create', {
      name: '  Acme Ltd ',
      slug: 'acme-ltd',
      metadata: companyMetadata,
    });
    expect(response.statusCode).toBe(201);
    const tenant = response.json();
    expect(tenant).toMatchObject({
      identityOrgId: expect.any(String),
      name: 'Acme Ltd',
      slug: 'acme-ltd',
      kind: 'client_company',
      metadata: companyMetadata,
      role: 'admin',
      deletedAt: null,
    });
    const organization = await app.identity.provider.organizations.get(tenant.identityOrgId);
    expect(organization?.publicMetadata).toEqual(companyMetadata);
    const [membership] = await app.identity.provider.organizations.listMemberships(client.userId);
    expect(membership).toMatchObject({ role: 'admin', organization: { id: tenant.identityOrgId } });
    const user = await app.identity.provider.users.get(client.userId);
    expect(user?.publicMetadata.organization_roles).toEqual({ [tenant.identityOrgId]: 'admin' });
  });

  it('refuses invalid input with what is wrong', async () => {
    const response = await as(app, coach).post('/api/v1/tenants/create', {
      name: '',
      slug: 'Not A Slug',
      metadata: { ...practiceMetadata, experience_years: -1, website: 'ftp://x' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.slug',
        'body.metadata.experience_years',
        'body.metadata.website',
      ]),
    );
    const unknownKind = await as(app, coach).post('/api/v1/tenants/create', {
      name: 'X',
      metadata: { kind: 'school' },
    });
    expect(unknownKind.statusCode).toBe(400);
  });

  it('refuses a pending user, and a kind that is not the role’s', async () => {
    const refused = await as(app, pending).post('/api/v1/tenants/create', {
      name: 'Mine',
      metadata: companyMetadata,
    });
    expect(refused.statusCode).toBe(403);
    const wrongKind = await as(app, client).post('/api/v1/tenants/create', {
      name: 'Practice',
      metadata: practiceMetadata,
    });
    expect(wrongKind.statusCode).toBe(403);
    expect(wrongKind.json().message).toBe('Only coaches create coach practices.');
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/tenants/create' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('writes nothing and answers 502 when the provider fails', async () => {
    const before = await tenantRows();
    vi.spyOn(app.identity.provider.organizations, 'create').mockRejectedValue(
      new IdentityProviderError('The identity provider is unreachable: try again shortly.', 502),
    );
    const response = await as(app, coach).post('/api/v1/tenants/create', {
      name: 'Doomed',
      metadata: practiceMetadata,
    });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({
      error: 'identity_provider_error',
      message: 'The identity provider is unreachable: try again shortly.',
    });
    expect(await tenantRows()).toEqual(before);
  });

  it('leaves no orphan when the local write fails after the provider succeeded', async () => {
    // The provider's own transaction goes through; the local one after it fails.
    const db = app.database.db;
    const transaction = db.transaction.bind(db);
    let calls = 0;
    vi.spyOn(db, 'transaction').mockImplementation(((work: never) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('the database went away'));
      return transaction(work);
    }) as typeof db.transaction);
    const response = await as(app, coach).post('/api/v1/tenants/create', {
      name: 'Half Made',
      metadata: practiceMetadata,
    });
    expect(response.statusCode).toBe(500);
    vi.mocked(db.transaction).mockRestore();
    const [made] = (await app.identity.provider.organizations.listMemberships(coach.userId))
      .map((membership) => membership.organization)
      .filter((organization) => organization.name === 'Half Made');
    expect(made).toBeDefined();
    // The provider's events (organization and membership created) repair it.
    await app.jobs.drain();
    const [row] = await db
      .select()
      .from(tenants)
      .where(eq(tenants.identityOrgId, made?.id ?? ''));
    expect(row).toMatchObject({ name: 'Half Made', kind: 'coach_practice' });
  });
});

describe('GET /api/v1/tenants/me/get-tenants', () => {
  it('syncs from the provider by default, and answers from the database with sync_from_clerk=false', async () => {
    // Made in the provider, and not mirrored yet: the list finds it by syncing.
    const behind = await app.identity.provider.organizations.create({
      name: 'Zeta Partners',
      createdBy: colleague.userId,
      publicMetadata: { kind: 'coach_practice' },
    });
    await forgetMirrorOf(behind.id);
    const unsynced = await as(app, colleague).get(
      '/api/v1/tenants/me/get-tenants?sync_from_clerk=false',
    );
    expect(unsynced.statusCode).toBe(200);
    expect(unsynced.json()).toMatchObject({ source: 'database', warning: null });
    expect(unsynced.json().data.map((t: { name: string }) => t.name)).toEqual([
      'North Star Coaching',
    ]);

    const synced = await as(app, colleague).get('/api/v1/tenants/me/get-tenants');
    expect(synced.json()).toMatchObject({ source: 'provider', warning: null });
    expect(synced.json().data).toEqual([
      expect.objectContaining({ name: 'North Star Coaching', role: 'member', isPrimary: false }),
      expect.objectContaining({ name: 'Zeta Partners', identityOrgId: behind.id, role: 'admin' }),
    ]);
  });

  it('answers from the database, flagged, when the provider is down', async () => {
    vi.spyOn(app.identity.provider.organizations, 'listMemberships').mockRejectedValue(
      new IdentityProviderError('Clerk is unreachable.', 502),
    );
    const response = await as(app, coach).get(
      '/api/v1/tenants/me/get-tenants?sync_from_clerk=true',
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ source: 'database', warning: PROVIDER_DOWN_WARNING });
    expect(response.json().data.map((t: { identityOrgId: string }) => t.identityOrgId)).toContain(
      practiceId,
    );
  });

  it('refuses a sync_from_clerk that is not true or false', async () => {
    const response = await as(app, coach).get('/api/v1/tenants/me/get-tenants?sync_from_clerk=yes');
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe('querystring.sync_from_clerk');
  });

  it('drops a membership the provider no longer has', async () => {
    const leaving = await signedInAs(app, 'coach');
    await app.identity.provider.organizations.addMember({
      organizationId: practiceId,
      userId: leaving.userId,
      role: 'member',
    });
    await as(app, leaving).get('/api/v1/tenants/me/get-tenants');
    await app.identity.provider.organizations.removeMember({
      organizationId: practiceId,
      userId: leaving.userId,
    });
    const after = await as(app, leaving).get('/api/v1/tenants/me/get-tenants');
    expect(after.json().data).toEqual([]);
    const rows = await app.database.db
      .select()
      .from(tenantMembers)
      .where(eq(tenantMembers.identityUserId, leaving.userId));
    expect(rows).toEqual([]);
  });
});

describe('GET /api/v1/tenants/{identityOrgId}', () => {
  it('answers a member, and 404 to anyone else or for an unknown id', async () => {
    const member = await as(app, colleague).get(`/api/v1/tenants/${practiceId}`);
    expect(member.statusCode).toBe(200);
    expect(member.json()).toMatchObject({ identityOrgId: practiceId, role: 'member' });
    for (const response of [
      await as(app, outsider).get(`/api/v1/tenants/${practiceId}`),
      await as(app, outsider).get('/api/v1/tenants/org_does_not_exist'),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    }
    const malformed = await as(app, outsider).get('/api/v1/tenants/..%2Fetc');
    expect(malformed.statusCode).toBe(400);
  });

  it('syncs an organization the database does not know yet (get or sync)', async () => {
    const newcomer = await signedInAs(app, 'coach');
    const organization = await app.identity.provider.organizations.create({
      name: 'Fresh Practice',
      createdBy: newcomer.userId,
      publicMetadata: practiceMetadata,
    });
    await forgetMirrorOf(organization.id);
    const response = await as(app, newcomer).get(`/api/v1/tenants/${organization.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Fresh Practice', role: 'admin' });
  });
});

describe('PATCH /api/v1/tenants/{identityOrgId}/metadata', () => {
  const url = () => `/api/v1/tenants/${practiceId}/metadata`;

  it('deep-merges for an admin (null deletes), in the provider and the tenant, audited', async () => {
    const response = await as(app, coach).patch(url(), {
      philosophy: 'Grow by reflecting.',
      website: null,
    });
    expect(response.statusCode).toBe(200);
    const { website: _deleted, ...rest } = practiceMetadata;
    const expected = { ...rest, philosophy: 'Grow by reflecting.' };
    expect(response.json().metadata).toEqual(expected);
    expect((await app.identity.provider.organizations.get(practiceId))?.publicMetadata).toEqual(
      expected,
    );
    const audits = await app.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'organization.metadata.update'));
    expect(audits.at(-1)).toMatchObject({
      actor: coach.userId,
      target: `organization:${practiceId}`,
    });
  });

  it('refuses a member who is not an admin (403) and anyone outside (404)', async () => {
    expect((await as(app, colleague).patch(url(), { experience_years: 3 })).statusCode).toBe(403);
    expect((await as(app, outsider).patch(url(), { experience_years: 3 })).statusCode).toBe(404);
  });

  it('refuses fields of another kind, an invalid result, unknown keys and an empty patch', async () => {
    const foreign = await as(app, coach).patch(url(), { industry: 'Retail' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toBe('industry: not a field of a coach practice.');
    const invalid = await as(app, coach).patch(url(), { specialties: [] });
    expect(invalid.statusCode).toBe(400);
    const unknown = await as(app, coach).patch(url(), { kind: 'client_company' });
    expect(unknown.statusCode).toBe(400);
    const empty = await as(app, coach).patch(url(), {});
    expect(empty.statusCode).toBe(400);
  });

  it('refuses metadata over the provider’s 8 KB with a 400, before calling it', async () => {
    const update = vi.spyOn(app.identity.provider.organizations, 'updatePublicMetadata');
    // 4,000 characters of three bytes each: 12 KB of JSON.
    const response = await as(app, coach).patch(url(), { philosophy: '€'.repeat(4000) });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/at most 8192 \(8 KB\)/);
    expect(update).not.toHaveBeenCalled();
  });
});
