import { NavLink } from 'react-router';
import type { NavSection } from './nav-items.ts';

const itemClass =
  'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors';
const idleClass = 'text-muted-foreground hover:bg-surface-muted hover:text-foreground';
const activeClass = 'bg-primary-soft text-primary';

/** The sections of an area as lists of links; the page you are on is marked (`aria-current`). */
export function ShellNavList({ sections }: { sections: NavSection[] }) {
  return (
    <div className="flex flex-col gap-6">
      {sections.map((section) => (
        <div key={section.label}>
          <h2 className="px-3 pb-1.5 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
            {section.label}
          </h2>
          <ul className="flex flex-col gap-0.5">
            {section.items.map(({ to, label, icon: Icon, end }) => (
              <li key={to}>
                <NavLink
                  to={to}
                  end={end}
                  className={({ isActive }) => `${itemClass} ${isActive ? activeClass : idleClass}`}
                >
                  <Icon aria-hidden="true" className="size-4 shrink-0" strokeWidth={2} />
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
