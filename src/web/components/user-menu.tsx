import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../contract/users.ts';
import { useSignOut } from '../hooks/use-session.ts';
import { ApiRequestError } from '../lib/api-client.ts';
import { displayName, ROLE_AREAS } from '../lib/roles.ts';
import { Spinner } from './button.tsx';
import { RoleBadge } from './role-badge.tsx';
import { useToast } from './toast.tsx';

/** The admin pages, listed in an admin's menu under their area. */
const ADMIN_LINKS = [
  { to: '/admin/waitlist', label: 'Waitlist' },
  { to: '/admin/approved-users', label: 'Approved users' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/audit-log', label: 'Audit log' },
  { to: '/admin/outbox', label: 'Mail outbox' },
] as const;

const itemClass =
  'flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground transition-colors hover:bg-surface-muted disabled:opacity-60';

/**
 * The signed-in user's name and role; opens a short list: Account, the area of their role (for an
 * admin, each admin page too), Sign out. A disclosure (a button that shows a list of links),
 * closed by Escape or a click elsewhere.
 */
export function UserMenu({ user }: { user: Me }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const signOut = useSignOut();
  const toast = useToast();
  const area = ROLE_AREAS[user.role];
  const name = displayName(user);

  // A followed link closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the location changes
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut();
      toast({ title: 'You are signed out', tone: 'info' });
    } catch (error) {
      toast({
        title: 'Signing out failed',
        description: error instanceof ApiRequestError ? error.message : 'Try again in a moment.',
        tone: 'error',
      });
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-lg border border-border bg-surface py-1.5 pr-3 pl-1.5 text-sm font-medium text-foreground transition-colors hover:bg-surface-muted"
      >
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-full bg-primary-soft font-mono text-xs text-primary uppercase"
        >
          {name.slice(0, 1)}
        </span>
        <span className="max-w-40 truncate">{name}</span>
        <RoleBadge role={user.role} />
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          className={`size-4 text-muted-foreground transition-transform ${open ? 'rotate-180' : ''}`}
        >
          <path d="m6 9 6 6 6-6" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-border bg-surface p-2 shadow-card"
      >
        <p className="truncate px-3 pt-1 pb-2 text-xs text-muted-foreground">{user.email}</p>
        <ul>
          <li>
            <Link to="/account" className={itemClass}>
              Account
            </Link>
          </li>
          <li>
            <Link to={area.path} className={itemClass}>
              {area.label}
            </Link>
          </li>
          {user.role === 'admin' && (
            <li className="mt-1 border-t border-border pt-1">
              <ul aria-label="Admin pages">
                {ADMIN_LINKS.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} className={`${itemClass} pl-5`}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          )}
          <li className="mt-1 border-t border-border pt-1">
            <button
              type="button"
              className={itemClass}
              onClick={handleSignOut}
              disabled={signingOut}
            >
              {signingOut && <Spinner />}
              Sign out
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
