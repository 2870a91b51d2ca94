import type { TenantKind, TenantView } from '../../contract/tenants.ts';

/*
 * Words and small helpers shared by the organization pages, the onboarding steps and the header's
 * organization switcher.
 */

export type OrganizationRole = 'admin' | 'member';

export const KIND_LABELS: Record<TenantKind, string> = {
  coach_practice: 'Coach practice',
  client_company: 'Client company',
};

export const ORGANIZATION_ROLE_LABELS: Record<OrganizationRole, string> = {
  admin: 'Admin',
  member: 'Member',
};

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const COMPANY_SIZE_LABELS: Record<CompanySize, string> = {
  '1-10': '1 to 10 people',
  '11-50': '11 to 50 people',
  '51-200': '51 to 200 people',
  '201-1000': '201 to 1,000 people',
  '1000+': 'More than 1,000 people',
};

export function isCompanySize(value: unknown): value is CompanySize {
  return typeof value === 'string' && (COMPANY_SIZES as readonly string[]).includes(value);
}

/** The path of an organization's page. */
export function organizationPath(identityOrgId: string): string {
  return `/organizations/${encodeURIComponent(identityOrgId)}`;
}

/**
 * A list typed in one field ("Leadership, Career change" or one per line): the items, trimmed, empty
 * ones and repeats (ignoring case) left out, in the order typed.
 */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const part of text.split(/[,\n;]/)) {
    const item = part.trim().replace(/\s+/g, ' ');
    const key = item.toLowerCase();
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** The other way round: a stored list as the text of its field. */
export function joinList(items: unknown): string {
  return Array.isArray(items) ? items.filter((item) => typeof item === 'string').join(', ') : '';
}

/** The organization id in a path (`/organizations/org_1/…`), if the path is an organization's. */
export function organizationIdInPath(pathname: string): string | null {
  const match = /^\/organizations\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * Which of a person's organizations is "current": the one whose page is open, else their primary
 * one, else the first (the list comes primary first).
 */
export function currentOrganization(
  tenants: TenantView[],
  pathname: string,
): TenantView | undefined {
  const inPath = organizationIdInPath(pathname);
  return (
    tenants.find((tenant) => inPath !== null && tenant.identityOrgId === inPath) ??
    tenants.find((tenant) => tenant.isPrimary) ??
    tenants[0]
  );
}

/** Whether the runtime knows this IANA time zone (what the server checks too). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own time zone, when it is one the server will accept; else ''. */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isKnownTimeZone(zone) ? zone : '';
  } catch {
    return '';
  }
}

/** Every IANA time zone the browser lists, with `extra` (a stored or detected one) kept in. */
export function timeZoneOptions(...extra: (string | null | undefined)[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(zones);
  all.add('UTC');
  for (const zone of extra) if (zone) all.add(zone);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** A short text of what an organization is about, from its metadata. */
export function organizationSummary(tenant: Pick<TenantView, 'kind' | 'metadata'>): string {
  const metadata = tenant.metadata;
  if (tenant.kind === 'coach_practice') {
    const specialties = joinList(metadata.specialties);
    const years = metadata.experience_years;
    const parts = [
      specialties,
      typeof years === 'number' ? `${years} year${years === 1 ? '' : 's'} of experience` : '',
    ].filter(Boolean);
    return parts.join(' · ');
  }
  const industry = typeof metadata.industry === 'string' ? metadata.industry : '';
  const size = isCompanySize(metadata.size) ? COMPANY_SIZE_LABELS[metadata.size] : '';
  return [industry, size].filter(Boolean).join(' · ');
}
