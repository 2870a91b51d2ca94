import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from '../button.tsx';

/**
 * Small parts of a table row, so that rows stay one line (~40 px) on every list: a compact action
 * button, a date, text cut to one line with the whole of it on hover.
 */

const actionTones = {
  default: 'border-border bg-surface text-foreground hover:bg-surface-muted',
  primary: 'border-primary bg-primary text-primary-foreground hover:opacity-90',
  danger: 'border-danger/30 bg-surface text-danger hover:bg-danger/10',
} as const;

export const rowActionClass =
  'inline-flex h-7 items-center justify-center gap-1.5 rounded-md border px-2.5 text-xs font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50';

/** A button in a row or in the selection bar: 28 px high. */
export function RowAction({
  tone = 'default',
  pending = false,
  disabled,
  className = '',
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  tone?: keyof typeof actionTones;
  pending?: boolean;
}) {
  return (
    <button
      type="button"
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`${rowActionClass} ${actionTones[tone]} ${className}`}
      {...rest}
    >
      {pending && <Spinner className="size-3" />}
      {children}
    </button>
  );
}

/** The actions of one row, side by side. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className="flex items-center justify-end gap-1.5">{children}</div>;
}

const thisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const otherYear = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const thisYearTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const otherYearTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/**
 * A date (or date and time) in the reader's own format, short: the year only when it is not this
 * one ("Mar 4", "Mar 4, 2025"). The whole instant is on hover and in `dateTime`.
 */
export function DateCell({ iso, withTime = false }: { iso: string | null; withTime?: boolean }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  const format = withTime
    ? sameYear
      ? thisYearTime
      : otherYearTime
    : sameYear
      ? thisYear
      : otherYear;
  return (
    <time dateTime={iso} title={date.toLocaleString()} className="whitespace-nowrap">
      {format.format(date)}
    </time>
  );
}

/** Text on one line, cut with an ellipsis; the whole of it on hover and for screen readers. */
export function TruncatedText({
  text,
  className = '',
  empty = '—',
}: {
  text: string | null | undefined;
  className?: string;
  empty?: string;
}) {
  if (!text) return <span className="text-muted-foreground">{empty}</span>;
  return (
    <span title={text} className={`block truncate ${className}`}>
      {text}
    </span>
  );
}

/**
 * Someone in a row: their name, and under it one smaller line (an email, a headline) when there is
 * one, both cut to the column. `children` go below (a warning about them).
 */
export function PersonCell({
  name,
  detail,
  children,
}: {
  name: string;
  detail?: string | null | undefined;
  children?: ReactNode;
}) {
  return (
    <span className="block max-w-56">
      <span className="block truncate font-medium text-foreground">{name}</span>
      {detail && <TruncatedText text={detail} className="text-xs text-muted-foreground" />}
      {children}
    </span>
  );
}
