import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, CircleUser, LayoutDashboard, LogOut } from 'lucide-react';
import { Link } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { useSignOut } from '../hooks/use-session.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { displayName, ROLE_AREAS } from '../lib/roles.ts';
import { RoleBadge } from './role-badge.tsx';
import { useToast } from './toast.tsx';

const itemClass =
  'flex w-full cursor-default items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground select-none data-highlighted:bg-surface-muted';

/**
 * The signed-in person's name and role; opens a menu (arrow keys, Home/End, typeahead, Escape,
 * as a menu should): Account, their area, Sign out. The pages of the area are in the sidebar.
 */
export function UserMenu({ user }: { user: Me }) {
  const signOut = useSignOut();
  const toast = useToast();
  const area = ROLE_AREAS[user.role];
  const name = displayName(user);

  async function handleSignOut() {
    try {
      await signOut();
      toast({ title: 'You are signed out', tone: 'info' });
    } catch (error) {
      toast({
        title: 'Signing out failed',
        description: error instanceof ApiRequestError ? error.message : 'Try again in a moment.',
        tone: 'error',
      });
    }
  }

  return (
    // Not modal: the rest of the page is not hidden from screen readers while the menu is open (a
    // menu needs no focus trap; Tab or a click elsewhere closes it). Rendered in place, inside the
    // header's landmark, rather than in a portal at the end of the page.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="group flex min-w-0 items-center gap-2 rounded-lg border border-border bg-surface py-1.5 pr-2 pl-1.5 text-sm font-medium text-foreground transition-colors hover:bg-surface-muted sm:pr-3">
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary uppercase"
        >
          {name.slice(0, 1)}
        </span>
        {/* On a phone only the initial shows; the name is still the button's name. A long one (an
            email, for a Clerk account without a name) is cut short: not-sr-only would undo truncate
            on the same element, so it sits on an inner block. */}
        <span className="sr-only sm:not-sr-only">
          <span className="block max-w-40 truncate">{name}</span>
        </span>
        <RoleBadge role={user.role} />
        <ChevronDown
          aria-hidden="true"
          className="size-4 shrink-0 text-muted-foreground transition-transform group-data-[state=open]:rotate-180"
        />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={8}
        collisionPadding={8}
        className="z-40 w-64 rounded-xl border border-border bg-surface p-2 shadow-card"
      >
        <DropdownMenu.Label className="px-3 pt-1 pb-2">
          <span className="block truncate text-sm font-medium text-foreground">{name}</span>
          <span className="block truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenu.Label>
        <DropdownMenu.Item asChild className={itemClass}>
          <Link to="/account">
            <CircleUser aria-hidden="true" className="size-4 text-muted-foreground" />
            Account
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item asChild className={itemClass}>
          <Link to={area.path}>
            <LayoutDashboard aria-hidden="true" className="size-4 text-muted-foreground" />
            {area.label}
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Separator className="my-1 h-px bg-border" />
        <DropdownMenu.Item className={itemClass} onSelect={() => void handleSignOut()}>
          <LogOut aria-hidden="true" className="size-4 text-muted-foreground" />
          Sign out
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
