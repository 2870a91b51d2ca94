// Seed 003's legacy tenants (made before the provider owned organizations, `identity_org_id` null):
// each is linked to the provider organization with its slug, or one is made for it. A tenant keeps
// its id, so whatever references it keeps working before and after; a second run finds nothing to do.
import type { Database } from '../../db/client.ts';
import type { IdentityProvider } from '../../identity/port.ts';
import { recordAudit } from '../audit/service.ts';
import {
  linkTenant,
  unsafeFindTenantsByOrgIds,
  unsafeListUnlinkedTenants,
  unsafeMemberIdsOfOrganization,
} from './repository.ts';
import type { Tenant } from './schema.ts';

export type LinkOutcome = {
  tenantId: string;
  slug: string;
  outcome: 'linked' | 'created' | 'failed';
  identityOrgId: string | null;
  reason: string | null;
};

type Deps = { db: Database; identity: IdentityProvider; actor: string };

async function linkOne(deps: Deps, tenant: Tenant, dryRun: boolean): Promise<LinkOutcome> {
  const result = (
    outcome: LinkOutcome['outcome'],
    identityOrgId: string | null,
    reason = null,
  ) => ({
    tenantId: tenant.id,
    slug: tenant.slug,
    outcome,
    identityOrgId,
    reason,
  });
  const failed = (reason: string): LinkOutcome => ({ ...result('failed', null), reason });

  const existing = await deps.identity.organizations.findBySlug(tenant.slug);
  if (existing) {
    // The event sync may have mirrored the organization already: a copy nobody belongs to gives
    // way to the legacy tenant; one people use is another tenant, and linking would merge the two.
    const [mirror] = await unsafeFindTenantsByOrgIds(deps.db, [existing.id]);
    if (mirror && (await unsafeMemberIdsOfOrganization(deps.db, existing.id)).length > 0)
      return failed(
        `organization ${existing.id} (slug ${tenant.slug}) already backs tenant ${mirror.id}, which has members`,
      );
    if (dryRun) return result('linked', existing.id);
    const linked = await linkTenant(deps.db, {
      tenantId: tenant.id,
      identityOrgId: existing.id,
      replaceMirror: true,
    });
    return linked ? result('linked', existing.id) : failed('linked by another run meanwhile');
  }
  if (dryRun) return result('created', null);
  const organization = await deps.identity.organizations.create({
    name: tenant.name,
    slug: tenant.slug,
    publicMetadata: { ...tenant.metadata, kind: tenant.kind },
  });
  const linked = await linkTenant(deps.db, {
    tenantId: tenant.id,
    identityOrgId: organization.id,
    replaceMirror: true,
  });
  return linked
    ? result('created', organization.id)
    : failed(`linked by another run meanwhile; organization ${organization.id} is left unused`);
}

export async function linkLegacyTenants(
  deps: Deps,
  options: { dryRun: boolean },
): Promise<LinkOutcome[]> {
  const outcomes: LinkOutcome[] = [];
  for (const tenant of await unsafeListUnlinkedTenants(deps.db)) {
    let outcome: LinkOutcome;
    try {
      outcome = await linkOne(deps, tenant, options.dryRun);
    } catch (error) {
      outcome = {
        tenantId: tenant.id,
        slug: tenant.slug,
        outcome: 'failed',
        identityOrgId: null,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
    if (!options.dryRun && outcome.outcome !== 'failed')
      await recordAudit(deps.db, {
        actor: deps.actor,
        action: `tenant.link.${outcome.outcome}`,
        target: `tenant:${tenant.id}`,
        before: { identityOrgId: null },
        after: { identityOrgId: outcome.identityOrgId },
      });
    outcomes.push(outcome);
  }
  return outcomes;
}

/** The report the CLI prints: one line per tenant, then the counts. */
export function formatLinkReport(outcomes: LinkOutcome[], dryRun: boolean): string {
  const verb = {
    linked: dryRun ? 'would link' : 'linked',
    created: dryRun ? 'would create' : 'created',
    failed: 'failed',
  };
  const lines = outcomes.map((o) => {
    const target = o.identityOrgId ? ` → ${o.identityOrgId}` : '';
    const reason = o.reason ? `: ${o.reason}` : '';
    return `${verb[o.outcome]} ${o.tenantId} (${o.slug})${target}${reason}`;
  });
  const count = (outcome: LinkOutcome['outcome']) =>
    outcomes.filter((o) => o.outcome === outcome).length;
  lines.push(
    `${dryRun ? 'Dry run: ' : ''}${count('linked')} linked by slug, ${count('created')} created, ${count('failed')} failed, of ${outcomes.length} legacy tenant${outcomes.length === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}
