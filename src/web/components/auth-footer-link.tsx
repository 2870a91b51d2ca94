import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { quietLinkClass } from './link-classes.ts';

/** Under an auth card: a question and the page that answers it ("New here? Create an account"). */
export function AuthFooterLink({
  question,
  to,
  children,
}: {
  question: string;
  to: string;
  children: ReactNode;
}) {
  return (
    <>
      {question}{' '}
      <Link to={to} className={quietLinkClass}>
        {children}
      </Link>
    </>
  );
}
