import { type ReactNode, useId } from 'react';

/** A card of a goal's page, named by its heading; `actions` at the heading's right. */
export function GoalCard({
  title,
  actions,
  children,
  className = '',
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={`min-w-0 rounded-xl border border-border bg-surface p-5 shadow-card ${className}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-sm font-medium text-foreground">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
