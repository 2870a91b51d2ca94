// The identity-event sync of tenants, memberships and `organization_roles`: events delivered in any
// order and more than once end in the same state as delivered once in order.
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/support/app.ts';
import { signUpAndVerify } from '../../../../test/support/identity.ts';
import type { IdentityEvent } from '../../identity/events.ts';
import { auth_organization } from '../../identity/local/schema.ts';
import { identityEvents } from '../../identity/schema.ts';
import { tenantMembers, tenants } from './schema.ts';

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** A seeded shuffle (mulberry32), so that a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('the identity-event sync', () => {
  it('ends in the same state whatever the order, with duplicates', async () => {
    const provider = app.identity.provider;
    const [ada, grace, alan] = await Promise.all([
      signUpAndVerify(app),
      signUpAndVerify(app),
      signUpAndVerify(app),
    ]);
    const users = [ada.userId, grace.userId, alan.userId];
    // What happens in the provider: two organizations, joins, a promotion, a removal, a deletion.
    const practice = await provider.organizations.create({
      name: 'Practice',
      createdBy: ada.userId,
      publicMetadata: { kind: 'coach_practice' },
    });
    const company = await provider.organizations.create({
      name: 'Company',
      createdBy: grace.userId,
      publicMetadata: { kind: 'client_company' },
    });
    await provider.organizations.addMember({
      organizationId: practice.id,
      userId: grace.userId,
      role: 'member',
    });
    await provider.organizations.updateMemberRole({
      organizationId: practice.id,
      userId: grace.userId,
      role: 'admin',
    });
    await provider.organizations.addMember({
      organizationId: practice.id,
      userId: alan.userId,
      role: 'member',
    });
    await provider.organizations.removeMember({ organizationId: practice.id, userId: alan.userId });
    await provider.organizations.addMember({
      organizationId: company.id,
      userId: alan.userId,
      role: 'member',
    });
    await provider.organizations.updatePublicMetadata(practice.id, { philosophy: 'Listen' });
    // The embedded provider cannot delete an organization through the port: do what one would.
    await app.database.db.delete(auth_organization).where(eq(auth_organization.id, company.id));
    await app.identity.events.publish({
      id: `evt_deleted_${company.id}`,
      type: 'organization.deleted',
      occurredAt: new Date().toISOString(),
      data: { organizationId: company.id },
    });
    await app.jobs.drain();

    const orgIds = [practice.id, company.id];
    const stored = await app.database.db
      .select()
      .from(identityEvents)
      .where(inArray(identityEvents.type, [...relevantTypes]));
    const events = stored
      .map((row) => row.event)
      .filter((event) => orgIds.some((id) => JSON.stringify(event.data).includes(id)));
    expect(events.length).toBeGreaterThanOrEqual(10);

    async function state() {
      const tenantRows = await app.database.db
        .select({
          identityOrgId: tenants.identityOrgId,
          name: tenants.name,
          kind: tenants.kind,
          metadata: tenants.metadata,
          deleted: tenants.deletedAt,
        })
        .from(tenants)
        .where(inArray(tenants.identityOrgId, orgIds))
        .orderBy(asc(tenants.identityOrgId));
      const memberRows = await app.database.db
        .select({
          org: tenantMembers.identityOrgId,
          user: tenantMembers.identityUserId,
          role: tenantMembers.role,
        })
        .from(tenantMembers)
        .where(inArray(tenantMembers.identityOrgId, orgIds))
        .orderBy(asc(tenantMembers.identityOrgId), asc(tenantMembers.identityUserId));
      const roles = await Promise.all(
        // No key and an empty object both say "no organization".
        users.map(
          async (id) => (await provider.users.get(id))?.publicMetadata.organization_roles ?? {},
        ),
      );
      return {
        tenants: tenantRows.map((row) => ({ ...row, deleted: row.deleted !== null })),
        members: memberRows,
        roles,
      };
    }

    const inOrder = await state();
    const deletedCompany = expect.objectContaining({ identityOrgId: company.id, deleted: true });
    const livePractice = expect.objectContaining({
      identityOrgId: practice.id,
      deleted: false,
      metadata: { kind: 'coach_practice', philosophy: 'Listen' },
    });
    expect(inOrder).toEqual({
      tenants:
        company.id < practice.id ? [deletedCompany, livePractice] : [livePractice, deletedCompany],
      members: [
        { org: practice.id, user: ada.userId, role: 'admin' },
        { org: practice.id, user: grace.userId, role: 'admin' },
      ].sort((a, b) => (a.user < b.user ? -1 : 1)),
      roles: [{ [practice.id]: 'admin' }, { [practice.id]: 'admin' }, {}],
    });

    for (const seed of [1, 2, 3]) {
      // Forget everything the sync wrote, then deliver every event twice (once under its own id,
      // which the bus ignores, once as a redelivery under a new id), shuffled.
      await app.database.db
        .delete(tenantMembers)
        .where(inArray(tenantMembers.identityOrgId, orgIds));
      await app.database.db.delete(tenants).where(inArray(tenants.identityOrgId, orgIds));
      for (const id of users)
        await provider.users.updatePublicMetadata(id, {
          organization_roles: { [practice.id]: 'member', [company.id]: 'admin' },
        });
      const deliveries: IdentityEvent[] = events.flatMap((event) => [
        event,
        { ...event, id: `${event.id}_again_${seed}` },
      ]);
      for (const event of shuffled(deliveries, seed)) await app.identity.events.publish(event);
      await app.jobs.drain();
      expect(await state()).toEqual(inOrder);
    }
  });
});

const relevantTypes = new Set([
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'organizationMembership.created',
  'organizationMembership.updated',
  'organizationMembership.deleted',
]);
