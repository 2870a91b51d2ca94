import { ChevronDown, Menu } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { currentNavItem, type NavSection } from './nav-items.ts';
import { ShellNavList } from './shell-nav.tsx';

/**
 * Under 1024 px the sidebar folds into a bar: a "Menu" button (with the page you are on) that
 * shows the same lists of links. Following a link, Escape, or a click elsewhere closes it.
 */
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const current = currentNavItem(sections, pathname);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes when the page changes
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <nav
      ref={rootRef}
      aria-label="Workspace"
      className="relative border-b border-border bg-surface px-4 py-2 sm:px-6 lg:hidden"
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center gap-3 rounded-md py-1.5 text-left text-sm font-medium text-foreground"
      >
        <Menu aria-hidden="true" className="size-5 shrink-0 text-muted-foreground" />
        <span>Menu</span>
        {current && (
          <span className="min-w-0 truncate text-muted-foreground">
            <span aria-hidden="true">· </span>
            <span className="sr-only">, you are on </span>
            {current.label}
          </span>
        )}
        <ChevronDown
          aria-hidden="true"
          className={`ml-auto size-4 shrink-0 text-muted-foreground transition-transform ${open ? 'rotate-180' : ''}`}
        />
      </button>
      {/* A followed link closes it, even one to the page you are on (the path does not change). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the links inside are what is clicked */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link also fires click */}
      <div
        id={panelId}
        hidden={!open}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false);
        }}
        className="absolute inset-x-0 top-full z-40 max-h-[70dvh] overflow-y-auto border-b border-border bg-surface px-4 pt-3 pb-5 shadow-card sm:px-6"
      >
        <ShellNavList sections={sections} />
      </div>
    </nav>
  );
}
