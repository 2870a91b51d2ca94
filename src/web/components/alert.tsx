import type { ReactNode } from 'react';

export type AlertTone = 'danger' | 'warning' | 'info' | 'success';

const toneClasses: Record<AlertTone, string> = {
  danger: 'border-danger/40 bg-danger/5 text-foreground',
  warning: 'border-warning/40 bg-warning/5 text-foreground',
  info: 'border-primary/30 bg-primary-soft text-foreground',
  success: 'border-success/40 bg-success/5 text-foreground',
};

const titleClasses: Record<AlertTone, string> = {
  danger: 'text-danger',
  warning: 'text-warning',
  info: 'text-primary',
  success: 'text-success',
};

/**
 * A message in the page. `danger` is announced at once (role="alert"); the others are polite
 * (role="status") or plain (`live={false}`) for text that was there from the start.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  live = true,
  className = '',
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  className?: string;
}) {
  const role = !live ? undefined : tone === 'danger' ? 'alert' : 'status';
  return (
    <div role={role} className={`rounded-xl border px-4 py-3 ${toneClasses[tone]} ${className}`}>
      {title && <p className={`font-medium ${titleClasses[tone]}`}>{title}</p>}
      {children && (
        <div className={`text-sm leading-relaxed ${title ? 'mt-1' : ''}`}>{children}</div>
      )}
    </div>
  );
}
