// Linking legacy tenants (no identity organization) in both provider modes: by slug when the
// provider has one, else a new organization; a legacy tenant keeps its id; a second run does nothing.
// Clerk is mocked: its Backend API is a local stand-in server (Clerk cannot be reached from here).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signUpAndVerify } from '../../../../test/support/identity.ts';
import { createClerkIdentityProvider } from '../../identity/clerk/adapter.ts';
import { clerkErrorJson, organizationJson } from '../../identity/clerk/test-support/clerk-json.ts';
import {
  type ClerkStandIn,
  startClerkStandIn,
} from '../../identity/clerk/test-support/clerk-stand-in.ts';
import { auditLog } from '../audit/schema.ts';
import { formatLinkReport, linkLegacyTenants } from './link-legacy.ts';
import { tenants } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function legacyTenant(
  slug: string,
  kind: 'coach_practice' | 'client_company' = 'client_company',
) {
  const [row] = await app.database.db
    .insert(tenants)
    .values({
      name: `Legacy ${slug}`,
      slug,
      kind,
      metadata: kind === 'client_company' ? { industry: 'Retail', size: '1-10' } : {},
    })
    .returning();
  if (!row) throw new Error('no row');
  return row;
}

describe('linkLegacyTenants on the embedded provider', () => {
  it('links by slug, creates the others, reports a conflict, and does nothing the second time', async () => {
    const provider = app.identity.provider;
    const bySlug = await legacyTenant('legacy-by-slug');
    const existing = await provider.organizations.create({ name: 'Kept', slug: 'legacy-by-slug' });
    const fresh = await legacyTenant('legacy-fresh');
    // A provider organization mirrored as a tenant people use cannot back a second one.
    const user = await signUpAndVerify(app);
    const taken = await provider.organizations.create({
      name: 'Taken',
      slug: 'legacy-taken',
      createdBy: user.userId,
    });
    await app.jobs.drain();
    const conflicting = await legacyTenant('legacy-taken');
    const deps = { db: app.database.db, identity: provider, actor: 'cli:tester' };

    const planned = await linkLegacyTenants(deps, { dryRun: true });
    expect(planned.map((o) => [o.slug, o.outcome])).toEqual([
      ['legacy-by-slug', 'linked'],
      ['legacy-fresh', 'created'],
      ['legacy-taken', 'failed'],
    ]);
    const [unchanged] = await app.database.db
      .select()
      .from(tenants)
      .where(eq(tenants.id, fresh.id));
    expect(unchanged?.identityOrgId).toBeNull();

    const outcomes = await linkLegacyTenants(deps, { dryRun: false });
    await app.jobs.drain();
    const created = outcomes[1]?.identityOrgId ?? '';
    expect(outcomes).toEqual([
      {
        tenantId: bySlug.id,
        slug: 'legacy-by-slug',
        outcome: 'linked',
        identityOrgId: existing.id,
        reason: null,
      },
      {
        tenantId: fresh.id,
        slug: 'legacy-fresh',
        outcome: 'created',
        identityOrgId: expect.stringMatching(/^org_/),
        reason: null,
      },
      {
        tenantId: conflicting.id,
        slug: 'legacy-taken',
        outcome: 'failed',
        identityOrgId: null,
        reason: expect.stringContaining(
          `organization ${taken.id} (slug legacy-taken) already backs`,
        ),
      },
    ]);
    expect(formatLinkReport(outcomes, false).trim().split('\n')).toEqual([
      `linked ${bySlug.id} (legacy-by-slug) → ${existing.id}`,
      `created ${fresh.id} (legacy-fresh) → ${created}`,
      expect.stringMatching(
        new RegExp(`^failed ${conflicting.id} \\(legacy-taken\\): organization`),
      ),
      '1 linked by slug, 1 created, 1 failed, of 3 legacy tenants.',
    ]);
    // The new organization carries the tenant's name and metadata; the tenant kept its id, and the
    // event sync did not leave a second row for it.
    expect(await provider.organizations.get(created)).toMatchObject({
      name: 'Legacy legacy-fresh',
      slug: 'legacy-fresh',
      publicMetadata: { kind: 'client_company', industry: 'Retail', size: '1-10' },
    });
    const rows = await app.database.db
      .select()
      .from(tenants)
      .where(eq(tenants.identityOrgId, created));
    expect(rows.map((row) => row.id)).toEqual([fresh.id]);
    const audits = await app.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actor, 'cli:tester'));
    expect(audits.map((entry) => entry.action).sort()).toEqual([
      'tenant.link.created',
      'tenant.link.linked',
    ]);

    // Second run: only the conflict is left, and it is reported again.
    const again = await linkLegacyTenants(deps, { dryRun: false });
    expect(again.map((o) => [o.slug, o.outcome])).toEqual([['legacy-taken', 'failed']]);
  });
});

describe('linkLegacyTenants on Clerk', () => {
  let clerk: ClerkStandIn;
  beforeAll(async () => {
    clerk = await startClerkStandIn();
  });
  afterAll(() => clerk.close());

  it('looks the slug up in Clerk and creates the organization with no member when it has none', async () => {
    await app.database.db.delete(tenants);
    const legacy = await legacyTenant('acme-legacy');
    clerk.answerWith((request) => {
      if (request.method === 'GET' && request.path === '/v1/organizations/acme-legacy')
        return {
          status: 404,
          body: clerkErrorJson('not found', 'Not found', 'resource_not_found'),
        };
      if (request.method === 'POST' && request.path === '/v1/organizations')
        return { body: organizationJson({ id: 'org_clerk_new', slug: 'acme-legacy' }) };
      return { status: 500 };
    });
    const identity = createClerkIdentityProvider({
      secretKey: 'sk_test_stand_in',
      apiUrl: clerk.url,
      retry: { sleep: async () => undefined },
    });
    const outcomes = await linkLegacyTenants(
      { db: app.database.db, identity, actor: 'cli:tester' },
      { dryRun: false },
    );
    expect(outcomes).toEqual([
      expect.objectContaining({
        tenantId: legacy.id,
        outcome: 'created',
        identityOrgId: 'org_clerk_new',
      }),
    ]);
    expect(clerk.requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Legacy acme-legacy',
      slug: 'acme-legacy',
      public_metadata: { industry: 'Retail', size: '1-10', kind: 'client_company' },
    });

    // Clerk down: the tenant is reported failed with Clerk's reason, and stays as it was.
    const other = await legacyTenant('down-legacy');
    clerk.answerWith(() => ({ status: 503, body: clerkErrorJson('down', 'Unavailable', 'x') }));
    const failed = await linkLegacyTenants(
      { db: app.database.db, identity, actor: 'cli:tester' },
      { dryRun: false },
    );
    expect(failed).toEqual([
      expect.objectContaining({
        tenantId: other.id,
        outcome: 'failed',
        reason: expect.stringMatching(/^Clerk/),
      }),
    ]);
  });
});
