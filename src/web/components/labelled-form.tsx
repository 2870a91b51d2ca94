import type { FormEvent, ReactNode } from 'react';

/**
 * A form with a name (`aria-label` makes it a form landmark, found by name) whose fields are
 * checked by the page, in its own words: `noValidate` keeps the browser's bubbles out.
 */
export function LabelledForm({
  label,
  onSubmit,
  className,
  children,
}: {
  label: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={label}
      className={className ? `space-y-5 ${className}` : 'space-y-5'}
    >
      {children}
    </form>
  );
}
