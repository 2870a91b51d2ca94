import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Building2, Check, ChevronDown, List } from 'lucide-react';
import { Link, useLocation } from 'react-router';
import { useMyOrganizations } from '../hooks/use-organizations.ts';
import { currentOrganization, KIND_LABELS, organizationPath } from '../lib/organizations.ts';

const itemClass =
  'flex w-full cursor-default items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground select-none data-highlighted:bg-surface-muted';

/**
 * For someone in several organizations: which one they are looking at (the one whose page is
 * open, else their primary one), and a menu to open another. Nothing for one or none. Read from
 * the server's mirror (no provider call on every page).
 */
export function OrganizationSwitcher() {
  const organizations = useMyOrganizations({ sync: false });
  const { pathname } = useLocation();
  const tenants = (organizations.data?.data ?? []).filter((tenant) => tenant.identityOrgId);
  if (tenants.length < 2) return null;
  const current = currentOrganization(tenants, pathname);

  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`Organization: ${current?.name ?? 'none'}. Switch organization`}
        className="group flex min-w-0 items-center gap-1.5 rounded-lg border border-border bg-surface px-2 py-2 text-sm font-medium text-foreground transition-colors hover:bg-surface-muted sm:px-3"
      >
        <Building2 aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        <span aria-hidden="true" className="hidden max-w-40 truncate md:inline">
          {current?.name}
        </span>
        <ChevronDown
          aria-hidden="true"
          className="size-4 shrink-0 text-muted-foreground transition-transform group-data-[state=open]:rotate-180"
        />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={8}
        collisionPadding={8}
        className="z-40 w-72 max-w-[calc(100vw-1rem)] rounded-xl border border-border bg-surface p-2 shadow-card"
      >
        <DropdownMenu.Label className="px-3 pt-1 pb-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          Your organizations
        </DropdownMenu.Label>
        {tenants.map((tenant) => {
          const selected = tenant.identityOrgId === current?.identityOrgId;
          return (
            <DropdownMenu.Item key={tenant.id} asChild className={itemClass}>
              <Link
                to={organizationPath(tenant.identityOrgId ?? '')}
                aria-current={selected ? 'true' : undefined}
              >
                <Check
                  aria-hidden="true"
                  className={`size-4 shrink-0 ${selected ? 'text-primary' : 'invisible'}`}
                />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{tenant.name}</span>
                  <span className="block truncate text-xs text-muted-foreground">
                    {KIND_LABELS[tenant.kind]}
                    {tenant.isPrimary ? ' · primary' : ''}
                  </span>
                </span>
              </Link>
            </DropdownMenu.Item>
          );
        })}
        <DropdownMenu.Separator className="my-1 h-px bg-border" />
        <DropdownMenu.Item asChild className={itemClass}>
          <Link to="/organizations">
            <List aria-hidden="true" className="size-4 text-muted-foreground" />
            All organizations
          </Link>
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
