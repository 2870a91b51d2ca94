import type { ReactNode } from 'react';

/**
 * The top of a work page (admin, coach, member, account): the title in the sans face at 1.25 rem,
 * at most one line of help under it, and the page's primary action at the right. Use it inside a
 * `PageContainer`, as the first thing of the page. Public pages keep their serif headings.
 *
 * `title` is also the browser tab's title (`<title>…· Arete</title>`) unless `documentTitle` says
 * otherwise.
 */
export function PageHeader({
  title,
  description,
  actions,
  documentTitle,
}: {
  title: ReactNode;
  /** One line of help. Longer explanations belong in the page, or in an empty state. */
  description?: ReactNode;
  /** The primary action (a button or a link styled as one), at the right. */
  actions?: ReactNode;
  documentTitle?: string;
}) {
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 pt-6 pb-5">
      {tabTitle && <title>{`${tabTitle} · Arete`}</title>}
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight text-foreground">{title}</h1>
        {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}
