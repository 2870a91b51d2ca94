import {
  Activity,
  Building2,
  CircleUser,
  Compass,
  FileText,
  HeartHandshake,
  Hourglass,
  IdCard,
  LayoutDashboard,
  ListChecks,
  type LucideIcon,
  Mail,
  ScrollText,
  Target,
  UserCheck,
  UserSearch,
  Users,
} from 'lucide-react';
import type { Role } from '../../../contract/users.ts';

export type NavItem = {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Active only on this very path, not on the paths below it (an area's overview). */
  end?: boolean;
};

export type NavSection = { label: string; items: NavItem[] };

/** Every admin page, in the order of the admin's sidebar. */
export const ADMIN_NAV: NavItem[] = [
  { to: '/admin', label: 'Overview', icon: LayoutDashboard, end: true },
  { to: '/admin/waitlist', label: 'Waitlist', icon: ListChecks },
  { to: '/admin/approved-users', label: 'Approved users', icon: UserCheck },
  { to: '/admin/coaching-interest', label: 'Coaching interest', icon: HeartHandshake },
  { to: '/admin/users', label: 'Users', icon: Users },
  { to: '/admin/audit-log', label: 'Audit log', icon: ScrollText },
  { to: '/admin/outbox', label: 'Mail outbox', icon: Mail },
  { to: '/admin/status', label: 'System status', icon: Activity },
];

const WELCOME_GUIDE: NavItem = { to: '/onboarding', label: 'Welcome guide', icon: Compass };

const ACCOUNT: NavItem = { to: '/account', label: 'Account', icon: CircleUser };
const PROFILE: NavItem = { to: '/profile', label: 'Profile', icon: IdCard };
const ORGANIZATIONS: NavItem = { to: '/organizations', label: 'Organizations', icon: Building2 };

const DOCUMENTS: NavItem = { to: '/documents', label: 'Documents', icon: FileText };
const GOALS: NavItem = { to: '/goals', label: 'Goals', icon: Target };

const ACCOUNT_SECTION: NavSection = { label: 'You', items: [ACCOUNT] };
/** The person's own pages, for the roles that have a profile and organizations. */
const YOU_SECTION: NavSection = { label: 'You', items: [PROFILE, ORGANIZATIONS, ACCOUNT] };
/** The same with their documents: a client finds theirs in the member area instead. */
const YOU_WITH_DOCUMENTS: NavSection = {
  label: 'You',
  items: [PROFILE, DOCUMENTS, ORGANIZATIONS, ACCOUNT],
};

/** The pages of each role's area, then the person's own. What a sidebar (or phone menu) lists. */
export function navSections(role: Role): NavSection[] {
  switch (role) {
    case 'admin':
      return [{ label: 'Admin', items: ADMIN_NAV }, YOU_WITH_DOCUMENTS];
    case 'coach':
      return [
        {
          label: 'Coach',
          items: [
            { to: '/coach', label: 'Overview', icon: LayoutDashboard, end: true },
            { to: '/coach/clients', label: 'My clients', icon: Users },
            WELCOME_GUIDE,
          ],
        },
        YOU_WITH_DOCUMENTS,
      ];
    case 'client':
      return [
        {
          label: 'Member',
          items: [
            { to: '/member', label: 'Overview', icon: LayoutDashboard, end: true },
            { to: '/member/coaching', label: 'Coaching', icon: HeartHandshake },
            GOALS,
            DOCUMENTS,
            { to: '/coaches', label: 'Find a coach', icon: UserSearch },
            WELCOME_GUIDE,
          ],
        },
        YOU_SECTION,
      ];
    case 'pending':
      return [
        {
          label: 'Getting in',
          items: [{ to: '/pending', label: 'Approval status', icon: Hourglass }],
        },
        ACCOUNT_SECTION,
      ];
  }
}

/** The item a path belongs to: the longest match, so `/admin/waitlist` is Waitlist, not Overview. */
export function currentNavItem(sections: NavSection[], pathname: string): NavItem | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  let best: NavItem | undefined;
  for (const item of sections.flatMap((section) => section.items)) {
    const matches = item.end
      ? path === item.to
      : path === item.to || path.startsWith(`${item.to}/`);
    if (matches && (!best || item.to.length > best.to.length)) best = item;
  }
  return best;
}
